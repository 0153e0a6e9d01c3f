using Trellis.Core.Risks;
using static Trellis.Core.Risks.RiskTreatment;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo company's risk register on the default 5x5 matrix (ISO/IEC 27001 6.1.2, 6.1.3). R-09 needs A.7.4, which the
/// SoA excludes (deliberate drift); R-15's acceptance has expired; have overdue plan actions.
/// </summary>
internal static class DemoRisks
{
    public static IReadOnlyList<Risk> Create(DateOnly today) =>
    [
        R("R-01", "Customer data exposed through a compromised employee account", "Customer data in production", "Phishing and credential theft",
            "Legacy admin tools without phishing-resistant MFA", DemoPeople.Ciso, (4, 5), (2, 5), Modify,
            ["AC-42", "AC-21", "AC-22"], ["A.5.17", "A.8.5", "A.5.18"],
            [Act("Enforce phishing-resistant MFA for the AWS console", ["AC-42"], today.AddDays(60), false),
             Act("Retire shared administrator accounts", ["AC-21"], today.AddDays(-30), true)]),
        R("R-02", "Ransomware on engineering laptops", "Managed laptops", "Malware delivered by e-mail or downloads",
            "Endpoints missing updates", DemoPeople.It, (3, 4), (2, 3), Modify, ["AC-38", "AC-34"], ["A.8.1", "A.8.7"], []),
        R("R-03", "Known vulnerability exploited in the public API", "Public REST API", "External attacker scanning for known flaws",
            "Dependency updates applied late", DemoPeople.SecurityEngineering, (4, 5), (3, 4), Modify, ["AC-44", "AC-56"], ["A.8.8", "A.8.29"],
            [Act("Automate dependency updates with SLA tracking", ["AC-44"], today.AddDays(-20), false)]),
        R("R-04", "Prolonged outage of the primary AWS region", "Platform availability", "Regional cloud outage",
            "Database recovery depends on restoring snapshots in the recovery region", DemoPeople.Sre, (2, 5), (2, 4), Modify,
            ["AC-50", "AC-28", "AC-49"], ["A.8.14", "A.5.30", "A.8.13"],
            [Act("Run a cross-region read replica for the primary database", ["AC-28"], today.AddDays(120), false)]),
        R("R-05", "Backups unusable when needed", "Database backups", "Operator error or silent backup failure",
            "Restores not tested for every database", DemoPeople.Sre, (3, 5), (1, 5), Modify, ["AC-49"], ["A.8.13"], []),
        R("R-06", "Insider exfiltrates customer data", "Customer data in production", "Malicious or negligent insider",
            "Broad read access for support engineers", DemoPeople.Cto, (2, 5), (2, 4), Modify, ["AC-40", "AC-39", "AC-48"], ["A.8.3", "A.8.12", "A.8.2"],
            [Act("Roll out data leakage prevention on e-mail and SaaS", ["AC-48"], today.AddDays(90), false)]),
        R("R-07", "Subprocessor breach exposes customer data", "Customer data held by suppliers", "Compromise of a supplier",
            "Limited ongoing oversight of supplier security", DemoPeople.Compliance, (3, 4), (2, 4), Modify, ["AC-23", "AC-24"], ["A.5.19", "A.5.20", "A.5.22"],
            [Act("Review the assurance reports of all critical suppliers", ["AC-24"], today.AddDays(45), false)]),
        R("R-08", "Unauthorized change deployed to production", "Production platform", "Compromised CI pipeline or rogue insider",
            "Pipeline credentials with broad permissions", DemoPeople.Engineering, (3, 4), (1, 4), Modify, ["AC-58", "AC-41", "AC-45"], ["A.8.32", "A.8.4", "A.8.9"], []),
        R("R-09", "After-hours intrusion into the Lisbon office", "Office equipment and hardware security keys", "Burglary",
            "No monitoring of the office outside working hours", DemoPeople.Facilities, (2, 3), (2, 3), Modify, ["AC-35"], ["A.7.1", "A.7.2", "A.7.4"],
            [Act("Install a monitored intruder alarm and camera at the office entrance", ["AC-35"], today.AddDays(45), false)]),
        R("R-10", "Laptop lost or stolen while travelling", "Managed laptops", "Theft", "Laptops carried to customer sites and events",
            DemoPeople.It, (4, 3), (2, 2), Modify, ["AC-36", "AC-38"], ["A.7.9", "A.8.1"], []),
        R("R-11", "Distributed denial of service against public endpoints", "Platform availability", "Volumetric and application-layer attacks",
            "Limited rate limiting on the API", DemoPeople.Sre, (3, 4), (2, 3), Share, ["AC-52", "AC-43"], ["A.8.20", "A.8.6"],
            [Act("Subscribe to AWS Shield Advanced with DDoS response team support", ["AC-52"], today.AddDays(-60), true)]),
        R("R-12", "Personal data processed without a documented lawful basis", "Personal data of customers' contacts", "Regulatory enforcement",
            "Incomplete records of processing", DemoPeople.Dpo, (3, 4), (3, 3), Modify, ["AC-30"], ["A.5.34", "A.5.31"],
            [Act("Complete the records of processing and the outstanding DPIAs", ["AC-30"], today.AddDays(-10), false)]),
        R("R-13", "Secrets leaked in source code", "Source code repositories", "Accidental commit of credentials",
            "Secret scanning not enforced on every repository", DemoPeople.Engineering, (3, 4), (1, 4), Modify, ["AC-55", "AC-41"], ["A.8.28", "A.8.4"], []),
        R("R-14", "Logs insufficient to investigate an incident", "Security logs", "Attacker activity going unnoticed",
            "Gaps in log coverage of SaaS tools", DemoPeople.SecurityEngineering, (3, 3), (2, 2), Modify, ["AC-51", "AC-26"], ["A.8.15", "A.8.16"], []),
        R("R-15", "Legacy reporting service runs an end-of-life runtime", "Legacy reporting service", "Exploitation of unpatched runtime flaws",
            "Runtime no longer receives security updates", DemoPeople.Cto, (3, 3), (3, 3), Retain, [], ["A.8.8"], [],
            new RiskAcceptance(DemoPeople.Ceo, today.AddDays(-400), today.AddDays(-35))),
        R("R-16", "Key person dependency in site reliability engineering", "Platform operations", "Departure of a senior engineer",
            "Operational knowledge concentrated in two people", DemoPeople.Cto, (3, 3), (2, 3), Retain, ["AC-31"], ["A.5.37"], [],
            new RiskAcceptance(DemoPeople.Ceo, today.AddDays(-90), today.AddDays(275))),
        R("R-17", "Encryption key misuse", "KMS keys protecting customer data", "Misuse of key permissions",
            "Key policies broader than needed", DemoPeople.Cto, (2, 5), (1, 5), Modify, ["AC-54", "AC-39"], ["A.8.24"], []),
        R("R-18", "Social engineering of customer support", "Customer accounts", "Account takeover through the support desk",
            "Weak caller identity verification", DemoPeople.Ciso, (3, 4), (2, 3), Modify, ["AC-10", "AC-21"], ["A.6.3", "A.5.16"],
            [Act("Introduce verified callback for account recovery requests", ["AC-10"], today.AddDays(30), false)]),
        R("R-19", "New regulatory obligations missed", "Customer contracts", "Changes in EU law (NIS2, DORA) passed on by customers",
            "No systematic monitoring of regulatory change", DemoPeople.Legal, (3, 3), (2, 2), Modify, ["AC-29"], ["A.5.31"], []),
        R("R-20", "Physical destruction of an AWS data centre", "Hosting facilities", "Fire, flood or power failure",
            "Facilities outside Northwind's control", DemoPeople.Sre, (1, 5), (1, 5), Share, ["AC-23", "AC-28"], ["A.5.23", "A.5.30"], []),
        R("R-21", "Production data copied into the analytics sandbox", "Customer data", "Data sprawl and unauthorized access",
            "Unmasked copies made for analysis", DemoPeople.Engineering, (3, 4), (1, 4), Avoid, ["AC-47"], ["A.8.11", "A.8.33"],
            [Act("Stop production copies to the sandbox and delete existing ones", ["AC-47"], today.AddDays(-45), true)]),
    ];

    private static TreatmentAction Act(string description, IReadOnlyList<string> controls, DateOnly due, bool done) => new(description, controls, due, done);

    private static Risk R(
        string id, string title, string asset, string threat, string vulnerability, string owner,
        (int L, int I) inherent, (int L, int I) residual, RiskTreatment treatment,
        IReadOnlyList<string> controls, IReadOnlyList<string> requirements, IReadOnlyList<TreatmentAction> plan,
        RiskAcceptance? acceptance = null) => new()
        {
            Id = id,
            Title = title,
            Asset = asset,
            Threat = threat,
            Vulnerability = vulnerability,
            Owner = owner,
            InherentLikelihood = inherent.L,
            InherentImpact = inherent.I,
            ResidualLikelihood = residual.L,
            ResidualImpact = residual.I,
            Treatment = treatment,
            ControlIds = controls,
            RequirementIds = requirements,
            Plan = plan,
            Acceptance = acceptance,
        };
}
