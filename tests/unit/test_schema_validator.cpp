#include "kudrang/schema/schema.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using V = std::vector<std::string>;

namespace {

const char* const test_schema = R"({
  "$defs": {
    "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"},
    "year": {"type": "integer", "minimum": 2400, "maximum": 2700},
    "money": {"type": "number", "minimum": 0}
  },
  "type": "object",
  "required": ["kind", "id"],
  "additionalProperties": false,
  "patternProperties": {"^x-": {}},
  "properties": {
    "kind": {"const": "thing"},
    "id": {"$ref": "#/$defs/id"},
    "year": {"$ref": "#/$defs/year"},
    "status": {"enum": ["planned", "held"]},
    "book": {"type": "boolean"},
    "code": {"type": "string"},
    "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    "budget": {"anyOf": [{"$ref": "#/$defs/money"},
                         {"type": "object", "required": ["amount"], "additionalProperties": false,
                          "properties": {"amount": {"$ref": "#/$defs/money"}, "source": {"type": "string"}}}]}
  }
})";

V check(const std::string& yaml)
{
  Diagnostics sd("schema.json");
  auto schema_doc = load_yaml(test_schema, sd);
  REQUIRE(schema_doc);
  auto schema = Schema::compile(*schema_doc, "thing");
  Diagnostics d("t.yaml");
  auto doc = load_yaml(yaml, d);
  REQUIRE(doc);
  schema->validate(*doc, d);
  V out;
  for (const auto& x : d.list()) out.push_back(format_diagnostic(x));
  return out;
}

}  // namespace

TEST_CASE("schema: a valid record has no diagnostics")
{
  CHECK(check("kind: thing\nid: a-1\nyear: 2563\nx-note: anything\nbudget: 0\n").empty());
  CHECK(check("kind: thing\nid: a\nbudget: { amount: 5.50, source: อบต. }\n").empty());
}

TEST_CASE("schema: each kind of departure has its code and position")
{
  CHECK(check("kind: thing\nid: a\nstatsu: held\n")
        == V{"t.yaml:3:1: error: unknown key 'statsu'; did you mean 'status'? [schema-unknown-key]"});
  CHECK(check("kind: thing\n")
        == V{"t.yaml:1:1: error: missing required key 'id' [schema-required]"});
  CHECK(check("kind: thing\nid: a\nbook: yes\n")
        == V{"t.yaml:3:7: error: 'book' must be true or false, not the text 'yes' (write true or false) "
             "[schema-type]"});
  CHECK(check("kind: thing\nid: a\ncode: 441201\n")
        == V{"t.yaml:3:7: error: 'code' must be text, not the number 441201 (put it in quotes: \"441201\") "
             "[schema-type]"});
  CHECK(check("kind: thing\nid: a\nstatus: hled\n")
        == V{"t.yaml:3:9: error: 'status' must be one of: planned, held (not 'hled'); did you mean 'held'? "
             "[schema-enum]"});
  CHECK(check("kind: thing\nid: ../etc\n")
        == V{"t.yaml:2:5: error: 'id' '../etc' is not a valid id: use ASCII letters, digits, '.', '_' or "
             "'-', starting with a letter or digit [schema-pattern]"});
  CHECK(check("kind: thing\nid: a\nyear: 2020\n")
        == V{"t.yaml:3:7: error: 'year' 2020 looks like a CE year; did you mean 2563? (years are Buddhist "
             "Era) [year-ce]"});
  CHECK(check("kind: thing\nid: a\nyear: 3000\n")
        == V{"t.yaml:3:7: error: 'year' must be a Buddhist Era year from 2400 to 2700, not 3000 [schema-range]"});
  CHECK(check("kind: thing\nid: a\ntags: []\n")
        == V{"t.yaml:3:7: error: 'tags' must have at least 1 item [schema-items]"});
  CHECK(check("kind: thing\nid: a\ntags: [\"\"]\n")
        == V{"t.yaml:3:8: error: 'tags[1]' must not be empty [schema-length]"});
  CHECK(check("kind: other\nid: a\n")
        == V{"t.yaml:1:7: error: 'kind' must be 'thing', not 'other' [schema-enum]"});
}

TEST_CASE("schema: anyOf reports the alternative meant for the value")
{
  CHECK(check("kind: thing\nid: a\nbudget: -5\n")
        == V{"t.yaml:3:9: error: 'budget' must be at least 0, not -5 [schema-range]"});
  CHECK(check("kind: thing\nid: a\nbudget: { source: x }\n")
        == V{"t.yaml:3:9: error: missing required key 'amount' in 'budget' [schema-required]"});
  CHECK(check("kind: thing\nid: a\nbudget: many\n")
        == V{"t.yaml:3:9: error: 'budget' must be a mapping or a number, not the text 'many' [schema-type]"});
}

TEST_CASE("schema: unsupported keywords are refused, never half-checked")
{
  Diagnostics d("s.json");
  auto doc = load_yaml(R"({"type": "object", "if": {}})", d);
  REQUIRE(doc);
  CHECK_THROWS_AS(Schema::compile(*doc, "s"), SchemaError);
}

TEST_CASE("schema: every embedded schema compiles")
{
  CHECK(record_kinds().size() == 10);
  for (auto kind : record_kinds()) {
    CAPTURE(kind);
    CHECK(schema_for_kind(kind) != nullptr);
  }
}
