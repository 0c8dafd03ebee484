// An ECR repository, found by its name, which is unique in the account's registry: one of the name
// that exists is taken only when its tags (ListTagsForResource: the describe call answers none)
// carry the state's lineage. DeleteRepository is sent without `force`: a repository that still
// holds images is not deleted (RepositoryNotEmptyException).
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImageTagMutability.html
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImageScanningConfiguration.html
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutLifecyclePolicy.html
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DeleteRepository.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ecr_repository() {
  static const Codes gone = {"RepositoryNotFoundException"};
  static const Descriptor d{
      "ecr/repository",
      "AWS::ECR::Repository",
      {{.service = "ecr",
        .name = "CreateRepository",
        .outputs = {{"arn", "repository.repositoryArn"},
                    {"uri", "repository.repositoryUri"},
                    {"name", "repository.repositoryName"}},
        .on_change = OnChange::Update,
        .update = Request{"ecr",
                          "PutImageTagMutability",
                          {{"repositoryName", "$request.repositoryName"}}},
        .updatable = {"imageTagMutability"},
        .replace_reasons = {{"", "a repository's name and encryption cannot change in place "
                                 "({}); its images are not copied"}},
        .remove =
            {{{"ecr", "DeleteRepository", {{"repositoryName", "$request.repositoryName"}}, gone}}},
        .create_first = CreateFirst{.unique = {"repositoryName"}},
        .deleted_first = "its name is reused",
        .lookup =
            Lookup{.describe = {"ecr",
                                "DescribeRepositories",
                                {{"repositoryNames", json::array({"$request.repositoryName"})}},
                                gone},
                   .items = "repositories",
                   .wrapper = "repository",
                   .tags = "tags",
                   .what = "repository `{}`",
                   .subject = "$request.repositoryName",
                   .read_tags = Request{"ecr",
                                        "ListTagsForResource",
                                        {{"resourceArn", "$item.repositoryArn"}}}},
        .tags = {TagStyle::Ecr, "$output.arn"},
        .done = {"RepositoryAlreadyExistsException"},
        .refresh =
            Refresh{.read = {"ecr", "DescribeRepositories", {{"repositoryNames", "$ids"}}, gone},
                    .subject = "$request.repositoryName",
                    .items = "repositories",
                    .id = "repositoryName",
                    .compare = {{"imageTagMutability"}},
                    .next_token = "nextToken",
                    .batch = 100}},
       // Scan on push taken out of the program (`scan_on_push = false`) is put back to false.
       {.service = "ecr",
        .name = "PutImageScanningConfiguration",
        .on_change = OnChange::Repeat,
        .remove = {{{"ecr",
                     "PutImageScanningConfiguration",
                     {{"repositoryName", "$request.repositoryName"},
                      {"imageScanningConfiguration", {{"scanOnPush", false}}}},
                     gone}}}},
       // A policy taken out of the program is deleted (images no longer expire); with the
       // repository, that is one more call before its deletion.
       {.service = "ecr",
        .name = "PutLifecyclePolicy",
        .on_change = OnChange::Repeat,
        .remove = {{{"ecr",
                     "DeleteLifecyclePolicy",
                     {{"repositoryName", "$request.repositoryName"}},
                     {"RepositoryNotFoundException", "LifecyclePolicyNotFoundException"}}}}}},
      {{"repository", "arn", "", "CreateRepository", "arn", "", "Arn"},
       {"repository", "uri", "", "CreateRepository", "uri", "", "RepositoryUri"}}};
  return d;
}

} // namespace ecl::resources
