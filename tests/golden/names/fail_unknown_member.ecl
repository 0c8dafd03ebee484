vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
}

let net  = main.cidre
let zone = main.b.zone
let x    = { team = "web" }.tem
