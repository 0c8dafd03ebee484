// ecl_docgen: prints the generated documentation (`diagnostics`, `reference`) or, with `--write`,
// brings docs/diagnostics.md and docs/language.md up to date in the source tree.
#include "compiler/driver/docs.h"
#include "compiler/driver/driver.h"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  std::string what = argc > 1 ? argv[1] : "";
  if (what == "diagnostics") {
    std::cout << ecl::docs::diagnostics_markdown();
    return 0;
  }
  if (what == "reference") {
    std::cout << ecl::docs::reference_markdown();
    return 0;
  }
  if (what == "--write" && argc > 2) {
    std::string root = argv[2];
    std::string error;
    if (!ecl::driver::write_file_atomically(root + "/docs/diagnostics.md",
                                            ecl::docs::diagnostics_markdown(), error)) {
      std::cerr << "ecl_docgen: " << error << "\n";
      return 1;
    }
    std::ifstream in(root + "/docs/language.md");
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto updated =
        ecl::docs::replace_section(buffer.str(), "reference", ecl::docs::reference_markdown());
    if (!updated ||
        !ecl::driver::write_file_atomically(root + "/docs/language.md", *updated, error)) {
      std::cerr << "ecl_docgen: docs/language.md lacks the GENERATED markers or cannot be written "
                << error << "\n";
      return 1;
    }
    return 0;
  }
  std::cerr << "usage: ecl_docgen diagnostics | reference | --write REPO_ROOT\n";
  return 2;
}
