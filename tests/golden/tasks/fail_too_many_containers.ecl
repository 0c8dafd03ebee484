// A task holds at most ten containers.
task api {
  cpu    = 2vcpu
  memory = 4GiB
  container c1 { image = "busybox" }
  container c2 { image = "busybox" }
  container c3 { image = "busybox" }
  container c4 { image = "busybox" }
  container c5 { image = "busybox" }
  container c6 { image = "busybox" }
  container c7 { image = "busybox" }
  container c8 { image = "busybox" }
  container c9 { image = "busybox" }
  container c10 { image = "busybox" }
  container c11 { image = "busybox" }
}
