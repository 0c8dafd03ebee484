// Quick fixes that add text to a block: the edit behind "add the missing required attribute" and
// the AWS rules' "add `from_port`". Diagnostics carry them (Diagnostic::fix); the editor offers
// them.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/schema/schema.h"

#include <string>
#include <string_view>

namespace ecl::check {

// Adds a fix inserting `item` (`zone = ""`, `route { … }`) as the last item of the block whose
// range (kind keyword to closing brace) is `block`: on a line of its own, indented one level more
// than the block, when the closing brace is on a line of its own; else before the brace. An item
// of several lines (`endpoint s3 {\n  service = "s3"\n}`) has each line indented so, and on a
// block closed on a line with other text, the brace moves to a line of its own after it. A
// `name = value` on its own line has its `=` aligned with the attribute on the line above.
void fix_add_item(Diagnostic& diagnostic, const SourceManager& sources, Range block,
                  std::string_view item, std::string title);

// A route from 0.0.0.0/0 to the gateway named `target`, as an item for fix_add_item.
std::string default_route_item(std::string_view target);

// A value of `type` to start from in an inserted `name = value`: `""`, `0`, `false`, `[]`, an
// enum's first member, `512MiB`. Empty for a reference, which has no sensible stand-in.
std::string placeholder(const schema::Type& type);

} // namespace ecl::check
