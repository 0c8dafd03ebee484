// EC2 stores descriptions of only some ASCII characters: a typographic dash, an accent or a tab
// make CreateSecurityGroup fail (and cfn-lint report E3031).
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  security_group web {
    description = "Web tier – HTTP only"
    ingress {
      protocol    = tcp
      port        = 80
      from        = "0.0.0.0/0"
      description = "HTTP & friends"
    }
  }
  security_group cafe {
    description = "Café tasks"
  }
  security_group tabbed {
    description = "a\tb"
    egress {
      protocol    = tcp
      port        = 443
      to          = "0.0.0.0/0"
      description = "HTTPS (out): ok #1 [a+b=c; {d}! $e* @f/g,h]"
    }
  }
  security_group fine {
    description = "Allowed: a-z A-Z 0-9 ._-:/()#,@[]+=&;{}!$*"
  }
}
