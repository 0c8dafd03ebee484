#include "backends/cloudformation/cloudformation.h"

namespace ecl::backend {

namespace {

class CloudFormationBackend final : public Backend {
public:
  std::string_view name() const override { return "cloudformation"; }
  bool lower(const model::Program& program, Diagnostics& diags, std::string& output) override {
    return cfn::lower_template(program, diags, output);
  }
};

} // namespace

std::unique_ptr<Backend> make_cloudformation_backend() {
  return std::make_unique<CloudFormationBackend>();
}

} // namespace ecl::backend
