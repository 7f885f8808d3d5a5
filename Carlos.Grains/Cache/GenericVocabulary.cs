namespace Carlos.Grains.Cache;

/// <summary>
/// The words <see cref="GenericRequirements"/> accepts besides the catalog's: English function words and the common
/// vocabulary of cloud architecture. No company, product or place name belongs here, save the cloud's own.
/// </summary>
internal static class GenericVocabulary
{
    public const string Words = """
        a an the and or nor but with without for of to in on at by from into onto behind before after across over
        under between among per via as than then that which who whose where when while if so also plus both each
        every any all some no not only just more most less least many much few several other another same such
        is are be been being was were has have having do does should must can could will would may might shall
        need needs needed require requires required requiring want wants wanted use uses using used run runs running
        host hosts hosting hosted deploy deployed deploying deployment deployments build built store stores stored
        storing serve serves serving process processes processing processed handle handles handling support supports
        supporting include includes including provide provides providing connect connects connected connecting
        expose exposes exposed collect collects collected ingest ingests ingesting ingestion send sends sending
        receive receives received receiving read reads reading write writes writing query queries querying
        analyse analyze analysing analyzing analysis analytics report reports reporting alert alerts alerting
        monitor monitors monitored monitoring log logs logging trace traces tracing observability metric metrics
        dashboard dashboards visualisation visualization insight insights
        app apps application applications web website websites site sites page pages portal portals frontend
        front end backend back api apis rest restful graphql grpc http https websocket websockets socket sockets
        service services microservice microservices monolith server servers serverless function functions container
        containers containerised containerized docker kubernetes k8s cluster clusters node nodes pod pods helm
        vm vms virtual machine machines instance instances compute linux windows
        database databases db dbs sql nosql relational transactional document documents key value graph vector
        postgres postgresql mysql mariadb mongodb cassandra cosmos redis cache caching cached memcached
        storage blob blobs object objects file files share shares disk disks backup backups archive archival
        data lake lakehouse warehouse warehousing etl elt pipeline pipelines batch batches stream streams streaming
        real realtime time series event events eventing message messages messaging queue queues topic topics
        pub sub pubsub bus broker kafka notification notifications email emails sms push chat chatbot bot bots
        ai ml machine learning model models inference training fine tuning llm llms gpt openai rag retrieval
        augmented generation embedding embeddings search semantic assistant assistants copilot agent agents
        iot device devices sensor sensors telemetry edge gateway gateways firmware fleet
        network networks networking vnet vnets subnet subnets private public endpoint endpoints link dns cdn
        load balancer balancers balancing traffic ingress egress firewall firewalls waf ddos vpn peering proxy
        identity identities authentication authorisation authorization auth login logins sso oauth oidc mfa
        user users customer customers client clients consumer consumers tenant tenants multi multitenant single
        employee employees staff partner partners visitor visitors member members subscriber subscribers
        security secure secured secret secrets key keys vault vaults certificate certificates tls ssl encryption
        encrypted encrypt rest transit managed customer-managed rbac role roles access policy policies
        compliance compliant regulated regulation regulations gdpr hipaa pci dss soc iso sox fedramp audit auditing
        high highly available availability reliability reliable resilient resilience redundant redundancy replica
        replicas replication replicated failover disaster recovery dr rpo rto sla slas uptime durable durability
        region regions regional global globally zone zones zonal geo multi-region active passive standby
        scale scales scaling scalable autoscale autoscaling elastic horizontal vertical burst bursty spiky
        performance fast faster low lower latency throughput cheap cheaper cost costs costly budget budgets
        optimised optimized optimise optimize efficient economical small smaller medium large larger big huge
        simple basic minimal standard premium enterprise advanced production prod staging dev development test
        testing qa environment environments sandbox demo prototype poc mvp
        ci cd devops gitops terraform bicep infrastructure code iac automation automated automate
        ecommerce e-commerce shop shops shopping store online retail catalogue catalog product products cart
        checkout order orders ordering payment payments billing invoice invoices inventory booking bookings
        reservation reservations ticket tickets ticketing blog blogs cms content media video videos audio image
        images photo photos upload uploads download downloads transcoding thumbnail thumbnails
        crm erp hr payroll booking learning lms course courses school schools education healthcare health patient
        patients clinic hospital medical banking bank financial finance fintech insurance trading game games
        gaming leaderboard social news forum survey surveys marketplace logistics shipping delivery fleet
        saas paas iaas b2b b2c internal external intranet extranet line business enterprise
        mobile ios android spa pwa react angular vue node python java dotnet net c# go golang php ruby rust
        javascript typescript nodejs spring django flask
        job jobs scheduled scheduler schedule cron worker workers background task tasks workflow workflows
        orchestration orchestrated
        user-facing customer-facing internet-facing
        million millions thousand thousands hundred hundreds billion dozen
        request requests second seconds minute minutes hour hours day days week weeks month months year years
        daily hourly weekly monthly yearly nightly peak peaks concurrent concurrency rps qps tps
        kb mb gb tb pb ms
        up down out off new old existing legacy modern cloud native cloud-native hybrid on-premises on-prem premises
        migrate migration migrating lift shift rehost replatform refactor
        driven event-driven based first ready grade level levels tier tiers layer layers component components
        one two three four five six seven eight nine ten twelve dozen single double triple
        around about least most within up to least minimum maximum max min approx approximately
        heavy light read-heavy write-heavy workload workloads usage spikes seasonal steady
        azure
        """;
}
