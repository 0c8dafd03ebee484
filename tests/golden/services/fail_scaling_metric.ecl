// E3224: a scaling `metric` with a target not above 0, a namespace CloudWatch refuses (it starts
// with `:`; another is 256 characters), an empty name, 31 dimensions, a dimension value of 1025
// characters, and one named as the scaling's `cpu`, whose policy would have the same name. A
// statistic that is not one of CloudWatch's five is a schema error (the enum's).
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = "10.0.2.0/24"
    zone   = "us-east-1b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

task worker {
  cpu    = 256
  memory = 512
  container app {
    image = "public.ecr.aws/docker/library/busybox:1.36"
  }
}

cluster prod {
  service worker {
    task      = worker
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min = 1
      max = 4
      cpu = 60
      metric cpu {
        namespace = "AWS/SQS"
        name      = "ApproximateNumberOfMessagesVisible"
        target    = 10
      }
      metric idle {
        namespace = ":Jobs"
        name      = ""
        target    = 0
      }
      metric wide {
        namespace  = "Jobs"
        name       = "Backlog"
        dimensions = {
          d1  = "1",
          d2  = "2",
          d3  = "3",
          d4  = "4",
          d5  = "5",
          d6  = "6",
          d7  = "7",
          d8  = "8",
          d9  = "9",
          d10 = "10",
          d11 = "11",
          d12 = "12",
          d13 = "13",
          d14 = "14",
          d15 = "15",
          d16 = "16",
          d17 = "17",
          d18 = "18",
          d19 = "19",
          d20 = "20",
          d21 = "21",
          d22 = "22",
          d23 = "23",
          d24 = "24",
          d25 = "25",
          d26 = "26",
          d27 = "27",
          d28 = "28",
          d29 = "29",
          d30 = "30",
          d31 = "31",
        }
        target = -1.5
      }
      metric long {
        namespace  = "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"
        name       = "Backlog"
        dimensions = {
          QueueName = "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        }
        target = 5
      }
    }
  }

  // Apart: a schema error in a scaling silences the rules' notes into it.
  service other {
    task      = worker
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min = 1
      max = 2
      metric odd {
        namespace = "Jobs"
        name      = "Backlog"
        statistic = median
        target    = 1
      }
    }
  }
}
