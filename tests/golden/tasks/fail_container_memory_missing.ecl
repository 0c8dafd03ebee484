// An EC2 task without task-level memory: each container needs memory or memory_reservation.
task worker {
  compatibilities = [ec2]
  network_mode    = bridge
  container app { image = "nginx:1.27"  memory_reservation = 256MiB }
  container job { image = "busybox" }
}
