stack web { region = "us-east-1" }
stack api { region = "us-east-1" }
