#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using kudrang::test::load_messages;
using V = std::vector<std::string>;

TEST_CASE("loader: positions are 1-based and count Thai letters as one column")
{
  Diagnostics d("t.yaml");
  auto root = load_yaml("kind: roster\nชื่อ: กุดรัง\nx: [a, b]\n", d);
  REQUIRE(root);
  CHECK(d.list().empty());
  CHECK(root->key_marks[1].line == 2);
  CHECK(root->key_marks[1].column == 1);
  CHECK(root->items[1].mark.column == 7);  // after "ชื่อ: " (4 letters, colon, space)
  CHECK(root->items[2].items[1].mark.column == 8);
}

TEST_CASE("loader: duplicate keys are errors at the second key")
{
  CHECK(load_messages("kind: roster\nid: a\nid: b\n")
        == V{"t.yaml:3:1: error: duplicate key 'id' (first at line 2); only one value may be given "
             "[yaml-duplicate-key]"});
}

TEST_CASE("loader: encoding problems")
{
  SUBCASE("a leading byte-order mark is a warning and is skipped")
  {
    CHECK(load_messages("\xEF\xBB\xBFkind: roster\n")
          == V{"t.yaml:1:1: warning: the file starts with a UTF-8 byte-order mark; save it as UTF-8 "
               "without BOM [encoding-bom]"});
  }
  SUBCASE("a byte-order mark inside the file is an error")
  {
    CHECK(load_messages("kind: roster\n\xEF\xBB\xBFname: x\n")
          == V{"t.yaml:2:1: error: an invisible byte-order mark (U+FEFF) stands inside the file; delete "
               "it [encoding-bom]"});
  }
  SUBCASE("invalid UTF-8 (a TIS-620 file) is found at its line and column")
  {
    CHECK(load_messages("kind: roster\nname: ab\xA1\xA2\n")
          == V{"t.yaml:2:9: error: the file is not valid UTF-8 here; save it as UTF-8 (not TIS-620 or "
               "Windows-874) [encoding-utf8]"});
  }
}

TEST_CASE("loader: shapes that are not one record")
{
  CHECK(load_messages("") == V{"t.yaml:1:1: error: the file is empty; a record needs at least 'kind:' [file-empty]"});
  CHECK(load_messages("# only a comment\n")
        == V{"t.yaml:1:1: error: the file holds no record; a record needs at least 'kind:' [file-empty]"});
  CHECK(load_messages("- a\n- b\n")
        == V{"t.yaml:1:1: error: a record must be a mapping of keys (kind: ...), not a list [yaml-not-mapping]"});
  CHECK(load_messages("kind: roster\n---\nkind: roster\n")
        == V{"t.yaml:2:1: error: the file holds more than one document ('---'); put each record in its own file "
             "[yaml-multi-document]"});
}

TEST_CASE("loader: a stray ',' outside brackets is an error, not a hang (yaml-cpp 0.7 loops on it)")
{
  // Found by the fuzzer: yaml-cpp repeats empty documents forever here.
  for (const char* text : {", a\n", "- x\n, b\n", "\"a\"\n, b\n", "# c\n,x\n"}) {
    auto m = load_messages(text);
    REQUIRE(m.size() == 1);
    CHECK(m[0].find("error:") != std::string::npos);
  }
  CHECK(load_messages(", a\n")
        == V{"t.yaml:1:1: error: the YAML cannot be read past this point; is a ',' standing outside [ ] or { }? "
             "[yaml-syntax]"});
}

TEST_CASE("loader: an alias inside the block it names is refused")
{
  auto m = load_messages("kind: project\nx: &a [1, *a]\n");
  REQUIRE(m.size() == 1);
  CHECK(m[0].find("refers to the block that contains it") != std::string::npos);
}

TEST_CASE("loader: tabs and syntax errors point at the line")
{
  CHECK(load_messages("kind: roster\nmembers:\n\t- id: a\n")
        == V{"t.yaml:3:1: error: a tab is used for indentation; YAML indents with spaces only [yaml-tab]"});
  auto m = load_messages("kind: roster\nname: [a, b\n");
  REQUIRE(m.size() == 1);
  CHECK(m[0].find("[yaml-syntax]") != std::string::npos);
  CHECK(m[0].rfind("t.yaml:", 0) == 0);
}

TEST_CASE("loader: depth and alias bombs are bounded")
{
  std::string deep = "kind: x\nv: " + std::string(100, '[') + std::string(100, ']') + "\n";
  auto m = load_messages(deep);
  REQUIRE(m.size() == 1);
  CHECK(m[0].find("nested more than 64 levels deep [yaml-too-deep]") != std::string::npos);

  std::string very_deep = "kind: x\nv: " + std::string(600, '[') + std::string(600, ']') + "\n";
  m = load_messages(very_deep);
  REQUIRE(m.size() == 1);
  CHECK(m[0].find("[yaml-too-deep]") != std::string::npos);

  std::string bomb = "kind: x\na: &a [x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'i'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  m = load_messages(bomb);
  REQUIRE(m.size() == 1);
  CHECK(m[0].find("[yaml-too-many-nodes]") != std::string::npos);
}

TEST_CASE("loader: size limit")
{
  LoadLimits limits;
  limits.max_bytes = 10;
  CHECK(load_messages("kind: roster\n", limits)
        == V{"t.yaml: error: the file is 13 bytes; a record may be at most 10 bytes [file-too-large]"});
}

TEST_CASE("loader: tags and complex keys")
{
  CHECK(load_messages("kind: roster\nx: !!binary aGVsbG8=\n")
        == V{"t.yaml:2:4: error: unsupported tag 'tag:yaml.org,2002:binary'; write the value without a tag "
             "[yaml-tag]"});
  CHECK(load_messages("kind: roster\n? [a, b]\n: c\n")
        == V{"t.yaml:2:3: error: a key must be a plain word, not a list or mapping [yaml-complex-key]"});
}

TEST_CASE("loader: quoted scalars stay text, plain ones are typed")
{
  Diagnostics d("t.yaml");
  auto root = load_yaml("kind: x\na: \"0341\"\nb: 0341\nc: yes\nd: !!str 12\n", d);
  REQUIRE(root);
  CHECK(root->find("a")->type == NodeType::string);
  CHECK(root->find("b")->type == NodeType::integer);
  CHECK(root->find("c")->type == NodeType::string);
  CHECK(root->find("d")->type == NodeType::string);
}
