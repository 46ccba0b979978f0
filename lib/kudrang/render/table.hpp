#pragma once
// The Markdown pipe table of the renderers that stream Markdown; the same
// Table as a Doc's, so every cell is a run of text escaped when written.
#include "kudrang/render/doc.hpp"

namespace kudrang {

using MarkdownTable = Table;

}  // namespace kudrang
