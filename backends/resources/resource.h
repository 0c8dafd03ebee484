// An AWS resource the program can create, as data: the calls that create and configure it, what
// their answers give, which changes of a call's request are made in place and which replace it,
// the calls that delete it, how it is found again after a crash, what is waited for, how it is
// tagged, and the error codes that mean "already done" or "already gone" for each call. In the
// manner of a Terraform provider's resource and of the CloudFormation registry schemas: the plan
// backend takes the calls' outputs from here, both backends the deferred attributes of the schema
// kinds, and apply/ runs the lifecycle generically (it names no operation of its own).
//
// One descriptor a file (backends/resources/<service>/<resource>.cpp), listed in ECL_RESOURCES
// (registry.h).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecl::resources {

using json = nlohmann::ordered_json;
// Error codes. An entry "Code: text" also asks that the message hold `text` (in any case): Auto
// Scaling answers a missing group with ValidationError "... not found", and other mistakes with
// the same code.
using Codes = std::vector<std::string_view>;

// A call as a template: in its params, a string "$output.NAME" stands for the recorded output
// NAME of the entry's call (see Operation::outputs), "$request.MEMBER" for a member of the request
// it recorded (`$request.Target.RoleArn` for a member of one), "$block" for its block path,
// "$answer.PATH" for a path in the answer of the call just made (Operation::answers_handle)
// (whole strings only; see fill()).
struct Request {
  std::string_view service;
  std::string_view operation;
  json params = json::object();
  Codes gone = {}; // error codes meaning that what it acts on does not exist (any more)
  // Where the answer lists what the call failed for although it answered (EC2's UnsuccessfulItem
  // list, [{Error: {Code, Message}, ResourceId}]: DeleteVpcEndpoints); "" when a failure is an
  // error answer. An item with a `gone` code is gone; any other is the call's failure.
  std::string_view unsuccessful = "";
  // Error codes meaning something else still holds it and lets go by itself (EC2's
  // DependencyViolation while the network interfaces of stopped tasks are being deleted): the
  // call is made again, with the pauses of a waiter, until it is answered otherwise or the wait
  // times out (--wait-timeout).
  Codes busy = {};
};

// Some calls answer before AWS has finished: the probe is made until the state at `status` is one
// of `done` (compared in any case), or one of `failed`; any other state is pending. The state is
// "gone" when the probe fails with one of its `gone` codes or its answer has nothing at `present`
// (`status` when empty); `idle` when it has something there but no status.
struct Waiter {
  std::string_view what;    // for people, `{}` the subject: "NAT gateway {} to be deleted"
  std::string_view subject; // a template string: "$output.id"
  Request probe;
  std::string_view status;
  Codes done;
  Codes failed = {};
  std::string_view present = "";
  std::string_view idle = "";
  std::string_view reason = ""; // the path of why it failed, added to the state
};

// A call of a deletion, and what to wait for once AWS accepted it.
struct Removal {
  Request call;
  std::optional<Waiter> then = std::nullopt;
};

// How tags are spelled in a create request and changed by the tag calls, a style a service (IAM's
// two by what they tag): the spellings are in tags.cpp.
enum class TagStyle {
  None,
  Ec2,
  Ecs,
  IamRole,
  IamInstanceProfile,
  Logs,
  AutoScaling,
  Elbv2,
  Efs,
  Ecr,
  CloudMap
};

struct Tagging {
  TagStyle style = TagStyle::None;
  // A template string: the id, ARN or name the tag calls take; "" when the tags are set only by
  // the create call (they change by replacing what it made).
  std::string_view subject = "";
  std::string_view resource_type = ""; // EC2's TagSpecifications, Auto Scaling's tags: "vpc"
};

// How the answer an interrupted create call would have given is found, when what it made exists:
// after a crash, before a create whose answer was lost is sent again, and before a `pending`
// entry is deleted. The describe call is made (with `Filters` on the `ecl:path` tag when `by_tag`:
// the item must carry the tag and not be deleted or deleting); its candidates are the list at
// `items` (an object there is the one candidate; "" the whole answer). The first candidate whose
// `match`es all hold and that is ours is the answer: wrapped as {wrapper: item} ({name: [item]}
// for a wrapper `name[0]`), or built as {member: item's member} from `answer`, or the item itself.
// A number the request holds matches the text the query protocol answers with. Ours: when the
// request carried an `ecl:lineage` tag (the state's lineage), the candidate's tags at `tags` carry
// the same; a resource of another state is never adopted (and refused, named by `what`, when the
// call would take it: `answers_existing`, or a `done` code). A failure with one of the describe
// call's `gone` codes means not found; another is an error.
struct Match {
  std::string_view item;     // a path in the candidate
  std::string_view expected; // a template string, or a literal
  Codes members = {};        // for lists of objects: compare only these members
};

struct Lookup {
  Request describe;
  std::string_view items;
  bool by_tag = false;
  std::vector<Match> match = {};
  std::string_view wrapper = "";
  std::vector<std::pair<std::string_view, std::string_view>> answer = {};
  std::string_view tags = ""; // the candidate's tags: [{Key, Value}], [{key, value}] or a map
  // For people, `{}` the subject: "log group {}"; the subject a template string naming what is
  // looked for ("$request.logGroupName").
  std::string_view what = "";
  std::string_view subject = "";
  // For a describe call that does not answer with tags (Elastic Load Balancing): the call that
  // reads a candidate's, its params naming the candidate's members as "$item.PATH"; `tags` is then
  // a path in its answer.
  std::optional<Request> read_tags = std::nullopt;
  // The describe call's filter member, where `by_tag` puts the tag filters: `Filters`, but
  // `Filter` for DescribeNatGateways.
  std::string_view filters = "Filters";
};

// An EC2 create call's lookup: `describe` filtered by the tag, the items at `items`.
inline Lookup tagged(std::string_view describe, std::string_view items, std::string_view wrapper,
                     std::string_view filters = "Filters") {
  return {.describe = {"ec2", describe},
          .items = items,
          .by_tag = true,
          .wrapper = wrapper,
          .tags = "TagSet",
          .filters = filters};
}

// A Cloud Map create call's lookup: the items at `items` of `list` (ListNamespaces,
// ListServices) named as the request names it, wrapped as {wrapper: item}; their tags, which the
// list calls do not answer with, read by ListTagsForResource.
inline Lookup cloud_map_lookup(Request list, std::string_view items, std::string_view wrapper,
                               std::string_view what) {
  return {.describe = std::move(list),
          .items = items,
          .match = {{"Name", "$request.Name"}},
          .wrapper = wrapper,
          .tags = "Tags",
          .what = what,
          .subject = "$request.Name",
          .read_tags =
              Request{"servicediscovery", "ListTagsForResource", {{"ResourceARN", "$item.Arn"}}}};
}

// An attribute a refresh compares: the request member the program set, as a path in the request
// as sent ("MapPublicIpOnLaunch.Value"), and where the live resource holds it ("" for the same
// path). The live value holds the request's when it is the same (numbers and booleans as the
// query protocol's text, in any case), an object holds each member the request sets, a list holds
// each element of the request's: what AWS adds (its defaults, other rules) is not drift. `said`:
// what people read when it differs ("detached outside eclc"; by default "changed outside eclc:"
// with the member and both values). `gone`: when it differs, what the entry made is no longer
// there (a security group rule missing from its group's rules), so it is made again and nothing
// is undone first: the live value is other rules, not this one changed.
struct Compared {
  std::string_view member;
  std::string_view path = "";
  std::string_view said = "";
  bool gone = false;
};

// How what a call made is read back before a plan (`plan --state` and `apply` refresh the state).
// `read` is made for the entries of this call at once: its params hold the string "$ids" where
// the list of their ids goes (the rest is filled from each entry: entries whose params differ are
// read apart), at most `batch` ids a call (0: all), page after page while the answer has a token
// at `next_token` (sent back as the request member of that name). Its candidates are the list at
// `items`; the one whose `id` path holds the entry's `subject` is what the entry made. None (or a
// read failing with one of `read.gone`, when each id is then read alone), or one whose `status`
// is one of `gone_status`, means it was deleted outside eclc: it is made again. A `compare`d
// attribute that differs is changed outside eclc: it is brought back as a changed request would
// be (updated, made again, replaced).
struct Refresh {
  Request read;
  std::string_view subject; // a template string: "$output.id", "$request.SubnetId"
  std::string_view items;
  std::string_view id;
  std::vector<Compared> compare = {};
  std::string_view status = "";
  Codes gone_status = {};
  std::string_view next_token = "";
  std::size_t batch = 0;
};

// An EC2 refresh: `describe` filtered by `filter` (`subnet-id`) on the ids, which do not fail for
// an id that is gone as a list of ids does; the items at `items`, their id at `id`.
inline Refresh ec2_read(std::string_view describe, std::string_view filter, std::string_view items,
                        std::string_view id, std::string_view subject,
                        std::vector<Compared> compare = {}) {
  return {.read = {"ec2",
                   describe,
                   {{"Filters", json::array({{{"Name", filter}, {"Values", "$ids"}}})}}},
          .subject = subject,
          .items = items,
          .id = id,
          .compare = std::move(compare),
          .next_token = "NextToken",
          .batch = 200};
}

// What a call's answer gives: a name for people and templates, and its path in the answer.
struct Output {
  std::string_view name; // "id", "arn"
  std::string_view path; // "Vpc.VpcId"
  // Recorded when the answer gives it, not needed: what the call made when its answer was lost
  // (found again by a repeat's `done` code), or imported, is used without it (a security group
  // rule's id, which only changes its tags in place).
  bool optional = false;
};

// How a changed request is brought about: a new resource in its place, the same call made again
// (it sets something: ModifyVpcAttribute, PutRolePolicy), or `update` with the members it takes.
enum class OnChange { Replace, Repeat, Update };

// Create before destroy: a replacement is made beside what it replaces, what used the old one
// moves to the new one, and the old one is deleted at the end of the apply. Only where AWS allows
// the two at once: not when every `unique` member (values AWS takes once at a time, a security
// group's VpcId and GroupName) is the same in both requests, by value and without naming a
// renewed step. Even then when the last of them is the name (`name`) and the plan made it
// (Step::made_name): the new one takes another, the made name ending in `-2` when the old one
// had it (at most `name_max` characters). Otherwise, and whenever something the old one is in is
// deleted first, the old one is deleted first and the plan says why: `taken` when it says more
// than the last unique member's value (a subnet in the same VPC: "its CIDR block may be the old
// one's or overlap it"). A `held` member set in both requests (a service's Service Connect names,
// unique in their namespace) also deletes it first.
struct CreateFirst {
  Codes unique = {};
  std::string_view name = "";
  std::size_t name_max = 0;
  Codes held = {};
  std::string_view taken = "";
};

// One call the plan makes for a resource: the call that creates it, one that configures it, or a
// read of what it made.
struct Operation {
  std::string_view service;
  std::string_view name;
  std::vector<Output> outputs = {}; // in the order the plan lists them
  OnChange on_change = OnChange::Replace;
  // OnChange::Update: the call, with the `updatable` members as the create call sent them, but
  // those its params place themselves ("$request.MEMBER" where the update call takes it).
  std::optional<Request> update = std::nullopt;
  Codes updatable = {};
  // Updatable members the update call keeps as they are when it does not name them: taken out of
  // the program, they are sent with the value that turns them off (UpdateService's
  // `serviceRegistries: []`, `serviceConnectConfiguration: {enabled: false}`).
  std::vector<std::pair<std::string_view, json>> cleared = {};
  // Members another call sets in place (a rule's Priority: SetRulePriorities), each with that
  // call: they change no resource, and the update call does not send them.
  std::vector<std::pair<std::string_view, Request>> set_by = {};
  // What the update call answers anew (ReplaceRouteTableAssociation's NewAssociationId): the
  // output of that name (in `outputs`) takes the value at the path of the update's answer.
  std::vector<Output> updated = {};
  // Why a change replaces: (member, reason with `{}` for the change), "" for any member. For a
  // call made again (OnChange::Repeat), the members that name what it acts on: a change of one
  // replaces (the call is made for the new one, the old one deleted).
  std::vector<std::pair<std::string_view, std::string_view>> replace_reasons = {};
  // Request members naming what this resource takes for itself alone: when it is replaced, the
  // steps they name are replaced with it (a NAT gateway's Elastic IP: AWS frees it only once the
  // old gateway is deleted, moto never does, and the new gateway cannot take it while it is held).
  Codes renews = {};
  std::vector<Removal> remove = {};
  std::optional<CreateFirst> create_first = std::nullopt; // none: a replacement deletes first
  // Without create_first: why the old one goes first, for the plan ("its name is reused").
  std::string_view deleted_first = "";
  std::optional<Lookup> lookup = std::nullopt; // after a crash (none: it is simply made again)
  std::optional<Waiter> wait = std::nullopt;   // after it is made, before what follows it runs
  Tagging tags = {};
  // Error codes meaning that this call, made again, was already made: what it made is then taken
  // when its lookup finds it ours, and refused when another state's.
  Codes done = {};
  // The request member of an idempotency token (EC2's ClientToken, ECS's clientToken), "" when
  // the call takes none: the same token is sent again when the answer was lost, so AWS answers
  // with what the first call made instead of making another.
  std::string_view client_token = "";
  // The call answers with the resource of the same name when one exists (ECS CreateCluster)
  // instead of refusing: its lookup is made first, and one of another state is refused.
  bool answers_existing = false;
  // The call answers with no more than a handle on the work AWS goes on doing (Cloud Map's
  // creates, an OperationId): its `wait` probes with it ("$answer.PATH" in the probe's params, a
  // path in the call's answer), and once that is done the lookup reads what was made, whose
  // answer gives the outputs. What the lookup finds after a crash is made already: no wait.
  bool answers_handle = false;
  std::optional<Refresh> refresh = std::nullopt; // how drift is found (none: never refreshed)
};

// A deferred attribute of a schema kind that the resource gives (`nat_gateway.public_ip`): in a
// plan, the output `output` of the block's step `step` (its id suffix, "" for the block's main
// step), which makes the call `operation`; in a template, the resource whose logical ID is the
// block's with `cfn_suffix` ("" for the block's own) and Fn::GetAtt `getatt` ("" for Ref).
// `reference`: what a reference to a block of the kind means in a plan.
struct Attribute {
  std::string_view kind;
  std::string_view name;
  std::string_view step;
  std::string_view operation;
  std::string_view output;
  std::string_view cfn_suffix = "";
  std::string_view getatt = "";
  bool reference = false;
};

struct Descriptor {
  std::string_view name;     // "ec2/vpc"
  std::string_view cfn_type; // "AWS::EC2::VPC"
  std::vector<Operation> operations;
  std::vector<Attribute> attributes = {};
};

} // namespace ecl::resources
