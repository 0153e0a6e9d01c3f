using Trellis.Core.Program;
using static Trellis.Core.Program.Cadence;
using static Trellis.Core.Program.ImplementationStatus;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo company's 60 controls. Mappings are written as <c>rel:id</c> tokens where rel is
/// <c>=</c> equal, <c>&lt;</c> subset-of, <c>&gt;</c> superset-of, <c>~</c> intersects-with: "the control rel the requirement".
/// SOC 2 mappings not written here are derived from the ISO ones through the shipped crosswalk (<see cref="DemoMappings"/>).
/// </summary>
internal static class DemoControls
{
    /// <summary>One control as written in the table.</summary>
    internal sealed record Row(string Id, string Title, string Owner, Cadence Cadence, ImplementationStatus Status, string Iso, string Soc, string Description);

    internal static IReadOnlyList<Row> Rows { get; } =
    [
        new("AC-01", "ISMS context, interested parties and scope", DemoPeople.Ciso, Annual, Implemented, ">4.1 >4.2 >4.3 ~4.4", "~CC3.1",
            "Each year the CISO reviews internal and external issues, interested parties and their requirements, and re-approves the ISMS scope statement and the ISMS manual."),
        new("AC-02", "Information security policy set", DemoPeople.Ciso, Annual, Implemented, ">5.2 =A.5.1", "",
            "The information security policy and its topic-specific policies are approved by the CEO, published on the intranet, acknowledged by staff and reviewed every year."),
        new("AC-03", "Leadership commitment and security steering committee", DemoPeople.Ceo, Quarterly, Implemented, "=5.1 ~A.5.4", "~CC1.2",
            "The security steering committee (CEO, CTO, CISO) meets quarterly, reviews the security programme and reports to the board, which oversees it."),
        new("AC-04", "Security roles and responsibilities", DemoPeople.Ciso, Annual, Implemented, "=5.3 =A.5.2", "",
            "A RACI for the ISMS and every security process is kept current and approved yearly; role descriptions carry security duties."),
        new("AC-05", "Segregation of duties", DemoPeople.Cto, Annual, Implemented, "=A.5.3", "",
            "A segregation-of-duties matrix lists conflicting duties (deploy and approve, grant and review access) and how each is separated."),
        new("AC-06", "Information security risk assessment", DemoPeople.Ciso, Annual, Implemented, "~6.1.1 >6.1.2 >8.2", "",
            "Risks are identified, analysed on the 5x5 matrix and evaluated against acceptance criteria at least yearly and after significant changes."),
        new("AC-07", "Risk treatment plan and Statement of Applicability", DemoPeople.Ciso, Quarterly, Implemented, ">6.1.3 >8.3", "",
            "Treatment options and plans are chosen for every risk above the threshold, tracked quarterly, and reflected in the Statement of Applicability."),
        new("AC-08", "Security objectives and metrics", DemoPeople.Ciso, Quarterly, InProgress, "=6.2 ~9.1", "",
            "Measurable security objectives with owners and targets are set each year and reported quarterly; the metric set is being rolled out."),
        new("AC-09", "Security resourcing and competence", DemoPeople.People, Annual, Implemented, ">7.1 >7.2", "",
            "The security budget and headcount are approved yearly; required competences per role are defined and training records kept."),
        new("AC-10", "Security awareness training", DemoPeople.People, Annual, Implemented, ">7.3 =A.6.3", "",
            "All staff complete security awareness training at hire and yearly, plus quarterly phishing simulations."),
        new("AC-11", "Documented information control", DemoPeople.Compliance, Annual, Implemented, ">7.5.1 >7.5.2 >7.5.3", "",
            "ISMS documents have owners, versions, approval and review dates in the document register; obsolete versions are archived."),
        new("AC-12", "ISMS operations calendar and change planning", DemoPeople.Compliance, Monthly, Implemented, ">8.1 >6.3", "",
            "A monthly ISMS calendar plans recurring security activities; changes to the ISMS are planned with impact and owner."),
        new("AC-13", "Internal audit and independent review", DemoPeople.Compliance, Annual, Implemented, ">9.2.1 >9.2.2 >A.5.35", "~CC4.1",
            "An independent auditor performs the yearly internal audit programme covering every clause and applicable Annex A control."),
        new("AC-14", "Management review", DemoPeople.Ceo, SemiAnnual, Implemented, ">9.3.1 >9.3.2 >9.3.3", "",
            "Top management reviews the ISMS twice a year with the required inputs and records decisions and actions."),
        new("AC-15", "Nonconformity and corrective action", DemoPeople.Compliance, Monthly, Implemented, "=10.2 ~10.1", "~CC4.2",
            "Nonconformities and audit findings are logged, root-caused and corrected; the log is reviewed monthly."),
        new("AC-16", "Compliance checks against security policies", DemoPeople.Compliance, Quarterly, Planned, "=A.5.36", "",
            "Quarterly sampling of policy compliance by team, with results reported to the steering committee."),
        new("AC-17", "Threat intelligence and external security contacts", DemoPeople.SecurityEngineering, Weekly, InProgress, ">A.5.5 >A.5.6 >A.5.7", "",
            "Threat feeds and advisories are triaged weekly; contacts with authorities and special interest groups are maintained."),
        new("AC-18", "Asset inventory, acceptable use and return of assets", DemoPeople.It, Quarterly, Implemented, ">A.5.9 >A.5.10 >A.5.11", "",
            "Hardware, cloud and SaaS assets are inventoried with owners and reconciled quarterly; staff accept the acceptable use policy and return assets on leaving."),
        new("AC-19", "Information classification and labelling", DemoPeople.Ciso, Annual, Implemented, ">A.5.12 >A.5.13", "~C1.1",
            "Information is classified public, internal, confidential or customer-confidential, and labelled in documents and data stores."),
        new("AC-20", "Access control policy", DemoPeople.Cto, Annual, Implemented, "=A.5.15", "",
            "Access is granted on least privilege and need to know through role-based groups defined in the access control policy."),
        new("AC-21", "Identity lifecycle: joiners, movers and leavers", DemoPeople.It, OnEvent, Implemented, "=A.5.16 <A.5.18", "",
            "Accounts are created from HR records on approval, changed on role moves and disabled within one business day of leaving."),
        new("AC-22", "Quarterly user access reviews", DemoPeople.It, Quarterly, Implemented, "<A.5.18 <A.8.2", "~CC6.2",
            "System owners review user and privileged access to production and key SaaS every quarter and revoke what is not needed."),
        new("AC-23", "Supplier and cloud service security", DemoPeople.Compliance, Annual, Implemented, ">A.5.19 >A.5.20 >A.5.21 >A.5.23", "",
            "Suppliers are risk-tiered, assessed before onboarding and bound by security terms; cloud services follow the cloud security standard."),
        new("AC-24", "Supplier monitoring and review", DemoPeople.Compliance, Annual, InProgress, "=A.5.22", "",
            "Critical suppliers' assurance reports are reviewed yearly and service changes assessed; the review cycle is being set up."),
        new("AC-25", "Incident response plan and exercises", DemoPeople.Ciso, Annual, Implemented, "=A.5.24", "",
            "The incident response plan defines roles, severities and communication and is exercised in a yearly tabletop."),
        new("AC-26", "Security event triage, incident handling and lessons learned", DemoPeople.SecurityEngineering, OnEvent, Implemented, ">A.5.25 >A.5.26 >A.5.27 >A.5.28", "~CC7.3 ~CC7.4 ~CC7.5",
            "Security events are triaged against criteria, incidents handled per playbook with evidence preserved, and a post-incident review held."),
        new("AC-27", "Security event reporting by staff", DemoPeople.Ciso, Continuous, Implemented, "=A.6.8", "",
            "Staff report suspected events through the #security-report channel and a phishing report button, monitored around the clock."),
        new("AC-28", "Business continuity and disaster recovery", DemoPeople.Sre, Annual, Implemented, ">A.5.29 >A.5.30", "",
            "The BC/DR plan sets RTO 4 h and RPO 15 min for the platform and is tested yearly by a full region failover exercise."),
        new("AC-29", "Legal, regulatory, intellectual property and records register", DemoPeople.Legal, Annual, Implemented, ">A.5.31 >A.5.32 >A.5.33", "",
            "Legal, statutory, regulatory and contractual requirements, licences and record retention rules are kept in a register reviewed yearly."),
        new("AC-30", "Privacy and protection of personal data", DemoPeople.Dpo, Annual, InProgress, "=A.5.34", "~C1.1",
            "The privacy programme maintains records of processing, DPIAs and data subject request handling under the GDPR."),
        new("AC-31", "Documented operating procedures", DemoPeople.Sre, Annual, Implemented, "=A.5.37", "",
            "Runbooks for operating the platform are kept in the engineering handbook and reviewed yearly."),
        new("AC-32", "Background screening", DemoPeople.People, OnEvent, Implemented, "=A.6.1", "",
            "Candidates are screened before hire (identity, right to work, references, criminal record where lawful)."),
        new("AC-33", "Employment terms, code of conduct and confidentiality", DemoPeople.People, OnEvent, Implemented, ">A.6.2 >A.6.4 >A.6.5 >A.6.6", "~CC1.1 ~CC1.5",
            "Contracts carry security and confidentiality duties that survive termination; staff sign the code of conduct; breaches follow the disciplinary process."),
        new("AC-34", "Remote working, clear desk and clear screen", DemoPeople.It, Annual, Implemented, ">A.6.7 >A.7.7", "",
            "The remote working standard covers home networks and public places; screens lock after five minutes and desks are cleared."),
        new("AC-35", "Office physical security", DemoPeople.Facilities, Quarterly, Implemented, ">A.7.1 >A.7.2 >A.7.3 >A.7.5", "~CC6.4",
            "The Lisbon and Dublin offices use badge access, visitor logs and locked rooms; badge lists are reconciled quarterly."),
        new("AC-36", "Laptop protection on and off premises", DemoPeople.It, Annual, Implemented, ">A.7.8 >A.7.9 >A.7.13", "",
            "Laptops are encrypted, tracked, maintained under warranty and carried under the travel rules."),
        new("AC-37", "Media handling and secure disposal", DemoPeople.It, OnEvent, Implemented, ">A.7.10 >A.7.14", "~CC6.5 ~C1.2",
            "Removable media is blocked by default; devices are wiped with certificates of destruction before re-use or disposal."),
        new("AC-38", "Endpoint management and malware protection", DemoPeople.It, Continuous, Implemented, "=A.8.1 >A.8.7", "~CC6.8",
            "All laptops are enrolled in MDM with disk encryption, OS updates and EDR; compliance is monitored continuously."),
        new("AC-39", "Privileged access management", DemoPeople.Sre, Quarterly, Implemented, "=A.8.2 >A.8.18", "",
            "Production admin access is just-in-time through the access broker, time-limited, logged and reviewed quarterly."),
        new("AC-40", "Least-privilege access to customer data", DemoPeople.Cto, Continuous, Implemented, "=A.8.3", "~C1.1",
            "Customer data is reachable only through audited support tooling; direct database access needs an approved break-glass request."),
        new("AC-41", "Source code access control", DemoPeople.Engineering, Quarterly, Implemented, "=A.8.4", "",
            "Repositories are private, branch-protected and access is reviewed quarterly with the access reviews."),
        new("AC-42", "Single sign-on, MFA and password management", DemoPeople.It, Continuous, Implemented, ">A.5.17 >A.8.5", "",
            "All workforce applications use SSO with phishing-resistant MFA; remaining secrets live in the company password manager."),
        new("AC-43", "Capacity management", DemoPeople.Sre, Monthly, Implemented, "=A.8.6", "",
            "Capacity dashboards and autoscaling keep headroom above 30 %; a monthly capacity review plans growth."),
        new("AC-44", "Vulnerability management", DemoPeople.SecurityEngineering, Monthly, Implemented, "=A.8.8", "~CC7.1",
            "Infrastructure, container and dependency scans run continuously; findings are fixed within SLA and reported monthly."),
        new("AC-45", "Configuration management and infrastructure as code", DemoPeople.Sre, Continuous, Implemented, "=A.8.9 >A.8.19", "",
            "Infrastructure is defined in Terraform with hardened baselines; drift is detected and software installation is controlled."),
        new("AC-46", "Information deletion at contract end", DemoPeople.Cto, OnEvent, InProgress, "=A.8.10", "~C1.2",
            "Customer data is deleted within 30 days of contract end with a deletion certificate; automation is being finished."),
        new("AC-47", "Data masking and test data", DemoPeople.Engineering, Quarterly, Planned, ">A.8.11 >A.8.33", "",
            "Non-production environments use synthetic or masked data only."),
        new("AC-48", "Data leakage prevention", DemoPeople.Ciso, Continuous, Planned, "=A.8.12", "",
            "DLP rules on email, SaaS and endpoints detect and block customer-confidential data leaving approved systems."),
        new("AC-49", "Encrypted backups with restore tests", DemoPeople.Sre, Daily, Implemented, "=A.8.13", "",
            "Databases are backed up every 15 minutes and daily snapshots are copied to a second region; restores are tested monthly."),
        new("AC-50", "Multi-availability-zone redundancy", DemoPeople.Sre, Quarterly, Implemented, "=A.8.14", "",
            "Every production service runs in at least three availability zones; failover is tested quarterly."),
        new("AC-51", "Centralized logging, monitoring and time synchronization", DemoPeople.SecurityEngineering, Continuous, Implemented, ">A.8.15 >A.8.16 >A.8.17", "~CC7.2",
            "Logs from every system go to the SIEM with 13-month retention; detections alert the on-call; clocks use Amazon Time Sync."),
        new("AC-52", "Network security and segmentation", DemoPeople.Sre, Quarterly, Implemented, ">A.8.20 >A.8.21 >A.8.22", "~CC6.6",
            "Production runs in private VPC subnets behind a WAF and load balancers; security groups are reviewed quarterly."),
        new("AC-53", "Web filtering on endpoints", DemoPeople.It, Continuous, InProgress, "=A.8.23", "",
            "DNS filtering on laptops blocks malicious and unwanted categories; rollout covers 70 % of devices so far."),
        new("AC-54", "Cryptography, key management and information transfer", DemoPeople.Cto, Annual, Implemented, ">A.8.24 >A.5.14", "~CC6.7",
            "Data is encrypted at rest with KMS and in transit with TLS 1.2+; keys rotate yearly; transfer rules cover email and file sharing."),
        new("AC-55", "Secure development lifecycle", DemoPeople.Engineering, OnEvent, Implemented, ">A.5.8 >A.8.25 >A.8.26 >A.8.27 >A.8.28", "",
            "Features get security requirements and threat models; code follows the secure coding standard with SAST and secret scanning."),
        new("AC-56", "Security testing and penetration testing", DemoPeople.Ciso, Annual, Implemented, ">A.8.29 >A.8.34", "",
            "Releases pass automated security tests; an external penetration test runs yearly under rules that protect production."),
        new("AC-57", "Separation of development, test and production", DemoPeople.Sre, Quarterly, Implemented, "=A.8.31", "",
            "Development, staging and production live in separate AWS accounts with separate access."),
        new("AC-58", "Change management", DemoPeople.Engineering, Continuous, Implemented, "=A.8.32", "",
            "Every production change goes through a pull request with peer review, passing CI and an automated deployment record."),
        new("AC-59", "Fraud risk assessment", DemoPeople.Ciso, Annual, Planned, "~6.1.2", "=CC3.3",
            "A yearly assessment of fraud risks (incentives, pressures, opportunities) feeds the risk register."),
        new("AC-60", "System description and customer communication", DemoPeople.Compliance, Annual, Implemented, ">7.4", "~CC2.2 ~CC2.3 ~CC3.1",
            "The system description, service commitments and security contacts are published to customers and staff and updated yearly."),
    ];
}

/// <summary>The demo company's control and risk owners.</summary>
internal static class DemoPeople
{
    public const string Ceo = "daniel.okafor@northwind.example";
    public const string Cto = "lena.fischer@northwind.example";
    public const string Ciso = "priya.shah@northwind.example";
    public const string People = "maria.gomez@northwind.example";
    public const string Compliance = "tom.becker@northwind.example";
    public const string SecurityEngineering = "aiko.tanaka@northwind.example";
    public const string It = "sam.oduya@northwind.example";
    public const string Sre = "jonas.berg@northwind.example";
    public const string Engineering = "ravi.menon@northwind.example";
    public const string Legal = "claire.dubois@northwind.example";
    public const string Dpo = "elif.yilmaz@northwind.example";
    public const string Facilities = "nora.walsh@northwind.example";
}
