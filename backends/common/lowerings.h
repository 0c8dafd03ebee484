// The kinds both backends lower, each with the name of the function that lowers a block of it
// (each backend has its own: cfn::lower_vpc, plan::lower_vpc). A backend declares its functions
// and builds its lowering table from this one list, so that a kind is entered once for both;
// `stack` and the blocks that lower inside their parent (a task's containers, a service's
// placement) have none.
#pragma once

// X(kind, function): the function adds the block's resources or calls (its children are visited
// after it).
#define ECL_LOWERINGS(X)                                                                           \
  X("vpc", lower_vpc)                                                                              \
  X("subnet", lower_subnet)                                                                        \
  X("internet_gateway", lower_internet_gateway)                                                    \
  X("nat_gateway", lower_nat_gateway)                                                              \
  X("route_table", lower_route_table)                                                              \
  X("route", lower_route)                                                                          \
  X("endpoint", lower_endpoint)                                                                    \
  X("security_group", lower_security_group)                                                        \
  X("ingress", lower_rule) /* a rule of a group, to a CIDR or another group */                     \
  X("egress", lower_rule)                                                                          \
  X("cluster", lower_cluster)                                                                      \
  X("ec2_capacity", lower_ec2_capacity)                                                            \
  X("log_group", lower_log_group)                                                                  \
  X("namespace", lower_namespace)                                                                  \
  X("discovery", lower_discovery)     /* a service's Cloud Map service */                          \
  X("file_system", lower_file_system) /* with its mount targets */                                 \
  X("access_point", lower_access_point)                                                            \
  X("repository", lower_repository)                                                                \
  X("role", lower_role)                                                                            \
  X("task", lower_task) /* with its containers */                                                  \
  X("service", lower_service)                                                                      \
  X("job", lower_job)                                                                              \
  X("load_balancer", lower_load_balancer)                                                          \
  X("target_group", lower_target_group)                                                            \
  X("listener", lower_listener)                                                                    \
  X("rule", lower_listener_rule)
