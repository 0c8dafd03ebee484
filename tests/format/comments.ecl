/* A block comment
   over several lines stays as it is. */
vpc main { // after the brace
  cidr = "10.0.0.0/16" /* after a value */

  // before a block, after a blank line
  subnet a {
    cidr = "10.0.1.0/24"  // aligned
    zone = "us-east-1a" // with the one above
  }
  security_group web {
    ingress {
      protocol = tcp
      port     = 443
      from     = [ // a comment inside a list breaks it
        "10.0.0.0/16", "10.1.0.0/16"
      ][0]
    }
  }
  // at the end of a body
}
// at the end of the file
