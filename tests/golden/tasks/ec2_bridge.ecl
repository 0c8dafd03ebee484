// An EC2 task in bridge mode: no task-level size, every container sets its memory, and host
// ports are dynamic (absent or 0), so two containers may listen on the same container port.
task worker {
  compatibilities = [ec2]
  network_mode    = bridge

  container api {
    image  = "nginx:1.27"
    memory = 256MiB
    ports  = [{ container = 80 }]
  }
  container admin {
    image              = "registry.example.com:5000/team/admin"
    memory_reservation = 128MiB
    ports              = [{ container = 80, host = 0 }, { container = 443, host = 8443 }]
    log { driver = json_file }
  }
}
