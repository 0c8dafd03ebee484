// `eclc import aws`: a live ECS cluster and its VPC (or a VPC alone) read from AWS and written as
// an ECL program and a state file, such that `eclc plan --state` says `No changes.`: adoption
// without recreation.
//
// AWS (describe calls) → ECL text (the task definitions through the task-definition importer)
// → the checked program's plan → for each step, the entry `eclc apply` would have recorded had
// it made what exists (apply::adopt: the same request, outputs and ids) → the state file.
//
// What ECL cannot express becomes a `// TODO` at its place and a W0017 warning, never dropped.
#pragma once

#include <string>

namespace ecl::import {

struct AwsOptions {
  std::string cluster;      // --cluster NAME (or ARN)
  std::string vpc;          // --vpc ID; else the VPC of the cluster's services
  std::string region;       // --region; else the configured one
  std::string endpoint_url; // --endpoint-url (moto_server)
  std::string profile;      // --profile
  std::string output;       // -o FILE.ecl; "" for stdout
  std::string state;        // --state FILE; "" for beside -o
  bool force = false;       // overwrite an existing state file
  bool color = false;       // diagnostics in colour
};

// Reads, writes the program and the state, prints the diagnostics on stderr. The exit status: 0
// when both were written (warnings or not); 1 when the program does not check (it is written, the
// state is not) or a step of its plan finds nothing in AWS (nothing is written); 2 for bad
// options, an existing state, or AWS refusing a read.
int import_aws(const AwsOptions& options);

} // namespace ecl::import
