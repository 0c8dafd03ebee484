namespace internal {
  description = "Service Connect"
  
}

task api {
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [{ container = 8080, name = "http" }]
  }
}

cluster prod {
  service api {
    task = api
    service_connect {
      namespace = internal
      services  = [{ port_name = "http",  }]
      
    }
  }
  service finder {
    task = api
    discovery {
      
    }
  }
}
