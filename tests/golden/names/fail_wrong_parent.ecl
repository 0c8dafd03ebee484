// A subnet belongs inside a vpc; a container inside a task.
subnet loose {
  cidr = "10.0.1.0/24"
  zone = "us-east-1a"
}

vpc main {
  cidr = "10.0.0.0/16"
  container app { image = "nginx" }
}
