// The jsonnet peer of the eclc benchmark (docs/performance.md): the same template as
// `eclc compile --target cloudformation` on bench/generate.py's program with N services.
//
//   jsonnet --ext-str services=500 template.jsonnet
//
// Written in jsonnet's fast form: names are built with `+` ('Svc' + i + 'Task'), not with `%`
// ('Svc%dTask' % i), which calls std.format, a function written in jsonnet itself: with `%` the
// 500-service template takes about 100 times longer. The Resources object is the network's fields
// `+` one object comprehension per resource kind (folding the services one at a time into an
// object with std.foldl would copy it once per service).
local services = std.parseInt(std.extVar('services'));
local ids = std.range(0, services - 1);

local tags(path) = [{ Key: 'ecl:path', Value: path }];
local ref(id) = { Ref: id };
local fargate = { CapacityProvider: 'FARGATE', Weight: 1, Base: 0 };

local subnet(name, cidr, zone, public) = {
  Type: 'AWS::EC2::Subnet',
  Properties: {
    VpcId: ref('MainVpc'),
    CidrBlock: cidr,
    AvailabilityZone: { 'Fn::Sub': '${AWS::Region}' + zone },
    Tags: tags('main.' + name),
  } + (if public then { MapPublicIpOnLaunch: true } else {}),
};
local association(table, subnet) = {
  Type: 'AWS::EC2::SubnetRouteTableAssociation',
  Properties: { RouteTableId: ref(table), SubnetId: ref(subnet) },
};
local routeTable(path) = {
  Type: 'AWS::EC2::RouteTable',
  Properties: { VpcId: ref('MainVpc'), Tags: tags(path) },
};

local network = {
  MainVpc: {
    Type: 'AWS::EC2::VPC',
    Properties: {
      CidrBlock: '10.0.0.0/16',
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
      InstanceTenancy: 'default',
      Tags: tags('main'),
    },
  },
  MainPublicASubnet: subnet('public_a', '10.0.0.0/24', 'a', true),
  MainPublicBSubnet: subnet('public_b', '10.0.1.0/24', 'b', true),
  MainPrivateASubnet: subnet('private_a', '10.0.10.0/24', 'a', false),
  MainPrivateBSubnet: subnet('private_b', '10.0.11.0/24', 'b', false),
  MainIgwInternetGateway: {
    Type: 'AWS::EC2::InternetGateway',
    Properties: { Tags: tags('main.igw') },
  },
  MainIgwAttachment: {
    Type: 'AWS::EC2::VPCGatewayAttachment',
    Properties: { VpcId: ref('MainVpc'), InternetGatewayId: ref('MainIgwInternetGateway') },
  },
  MainNatNatGateway: {
    Type: 'AWS::EC2::NatGateway',
    Properties: {
      AllocationId: { 'Fn::GetAtt': ['MainNatEip', 'AllocationId'] },
      SubnetId: ref('MainPublicASubnet'),
      Tags: tags('main.nat'),
    },
    DependsOn: 'MainIgwAttachment',
  },
  MainNatEip: {
    Type: 'AWS::EC2::EIP',
    Properties: { Domain: 'vpc', Tags: tags('main.nat') },
    DependsOn: 'MainIgwAttachment',
  },
  MainPublicRouteTable: routeTable('main.public'),
  MainPublicPublicAAssociation: association('MainPublicRouteTable', 'MainPublicASubnet'),
  MainPublicPublicBAssociation: association('MainPublicRouteTable', 'MainPublicBSubnet'),
  MainPublicRoute0: {
    Type: 'AWS::EC2::Route',
    Properties: {
      RouteTableId: ref('MainPublicRouteTable'),
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: ref('MainIgwInternetGateway'),
    },
    DependsOn: 'MainIgwAttachment',
  },
  MainPrivateRouteTable: routeTable('main.private'),
  MainPrivatePrivateAAssociation: association('MainPrivateRouteTable', 'MainPrivateASubnet'),
  MainPrivatePrivateBAssociation: association('MainPrivateRouteTable', 'MainPrivateBSubnet'),
  MainPrivateRoute0: {
    Type: 'AWS::EC2::Route',
    Properties: {
      RouteTableId: ref('MainPrivateRouteTable'),
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: ref('MainNatNatGateway'),
    },
  },
  BenchCluster: {
    Type: 'AWS::ECS::Cluster',
    Properties: {
      ClusterName: 'bench-bench',
      ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }],
      Tags: tags('bench'),
    },
  },
  BenchCapacityProviders: {
    Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
    Properties: {
      Cluster: ref('BenchCluster'),
      CapacityProviders: ['FARGATE'],
      DefaultCapacityProviderStrategy: [fargate],
    },
  },
};

local securityGroups = {
  ['MainWeb' + i + 'SecurityGroup']: {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'Service ' + i + ': HTTP from the VPC',
      VpcId: ref('MainVpc'),
      SecurityGroupIngress: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '10.0.0.0/16' },
      ],
      Tags: tags('main.web' + i),
    },
  }
  for i in ids
};

local ecsServices = {
  ['BenchSvc' + i + 'Service']: {
    Type: 'AWS::ECS::Service',
    Properties: {
      ServiceName: 'svc' + i,
      Cluster: ref('BenchCluster'),
      TaskDefinition: ref('Svc' + i + 'Task'),
      SchedulingStrategy: 'REPLICA',
      DesiredCount: 2,
      CapacityProviderStrategy: [fargate],
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          Subnets: [ref('MainPrivateASubnet'), ref('MainPrivateBSubnet')],
          SecurityGroups: [{ 'Fn::GetAtt': ['MainWeb' + i + 'SecurityGroup', 'GroupId'] }],
          AssignPublicIp: 'DISABLED',
        },
      },
      PropagateTags: 'SERVICE',
      DeploymentConfiguration: {
        MinimumHealthyPercent: 100,
        MaximumPercent: 200,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      },
      Tags: tags('bench.svc' + i),
    },
    DependsOn: 'BenchCapacityProviders',
  }
  for i in ids
};

local tasks = {
  ['Svc' + i + 'Task']: {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: 'bench-svc' + i,
      Cpu: '256',
      Memory: '512',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      ExecutionRoleArn: { 'Fn::GetAtt': ['Svc' + i + 'ExecutionRole', 'Arn'] },
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [{
        Name: 'web',
        Image: 'public.ecr.aws/nginx/nginx:1.27',
        Essential: true,
        PortMappings: [{ ContainerPort: 80, Protocol: 'tcp' }],
        LogConfiguration: {
          LogDriver: 'awslogs',
          Options: {
            'awslogs-group': ref('Svc' + i + 'LogGroup'),
            'awslogs-region': ref('AWS::Region'),
            'awslogs-stream-prefix': 'svc' + i,
          },
        },
      }],
      Tags: tags('svc' + i),
    },
  }
  for i in ids
};

local roles = {
  ['Svc' + i + 'ExecutionRole']: {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }],
      },
      ManagedPolicyArns: [{
        'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      }],
      Tags: tags('svc' + i),
    },
  }
  for i in ids
};

local logGroups = {
  ['Svc' + i + 'LogGroup']: {
    Type: 'AWS::Logs::LogGroup',
    Properties: {
      LogGroupName: '/ecs/bench-svc' + i,
      RetentionInDays: 30,
      Tags: tags('svc' + i),
    },
    DeletionPolicy: 'Delete',
    UpdateReplacePolicy: 'Delete',
  }
  for i in ids
};

{
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'eclc benchmark, ' + services + ' services',
  Resources: network + securityGroups + ecsServices + tasks + roles + logGroups,
}
