using Trellis.Core.Program;

namespace Trellis.Content.Demo;

// CC6 (logical and physical access), CC7 (system operations) and CC8 (change management). Left open on purpose: CC6.2-POF2
// (access reviews: AC-22's evidence is stale), CC6.3 (its access review judgement has lapsed for the same reason), CC6.7-POF1
// (data leakage prevention, AC-48, is planned), CC7.1-POF5 (vulnerability scans: AC-44 is stale), CC7.2 (detection rests on
// the SIEM, AC-51, which is stale), CC8.1-POF16 (masked test data, AC-47, is planned), and CC9 (insurance, business
// disruption with stale backups, vendor management while AC-24 is in progress).
internal static partial class DemoJudgements
{
    private static IEnumerable<Judgement> Operations(Book book) =>
    [
        book.Sufficient(
            "CC6.1-POF1",
            ["AC-18", "AC-19"],
            1, 10,
            "Hardware, cloud and SaaS assets are in the inventory with owners and reconciled quarterly, and each data store carries "
                + "its classification, which tells its owner how it must be protected."),
        book.Sufficient(
            "CC6.1-POF2",
            ["AC-55"],
            1, 10,
            "Every new feature or architecture gets security requirements and a threat model before it is built, and that is where "
                + "its access paths and protections are reviewed."),
        book.Sufficient(
            "CC6.1-POF6",
            ["AC-52"],
            1, 10,
            "Production can only be reached through the WAF and load balancers into private VPC subnets, and the security groups "
                + "that open any path into AWS are reviewed quarterly."),
        book.Sufficient(
            "CC6.1-POF8",
            ["AC-21", "AC-42"],
            1, 10,
            "Each person has one identity created from the HR record, and every workforce application signs them in through SSO "
                + "with phishing-resistant MFA."),
        book.Sufficient(
            "CC6.1-POF9",
            ["AC-39", "AC-42", "AC-54"],
            1, 10,
            "Administrator access to infrastructure is granted just in time and expires, service secrets are kept in the company "
                + "password manager, and KMS keys are rotated yearly."),
        book.Sufficient(
            "CC6.1-POF12",
            ["AC-19", "AC-40"],
            1, 10,
            "Customer data is classified customer-confidential and reachable only through audited support tooling; touching the "
                + "database directly needs an approved break-glass request, so it is used only to serve that customer."),
        book.Sufficient(
            "CC6.2-POF1",
            ["AC-21", "AC-42"],
            1, 11,
            "Accounts are created only from HR records once the hire is approved and are issued through SSO, so no one holds "
                + "credentials to our systems before being authorized."),
        book.Sufficient(
            "CC6.3-POF1",
            ["AC-20", "AC-21"],
            1, 11,
            "Access is given through the role-based groups defined in the access control policy, on approval at hire and again on "
                + "every role move, so new and changed access follows least privilege."),
        book.Sufficient(
            "CC6.3-POF2",
            ["AC-21"],
            1, 11,
            "Leavers' accounts are disabled within one business day of their leaving date in the HR system, and a role move takes "
                + "away the groups the old role needed."),
        book.Sufficient(
            "CC6.3-POF4",
            ["AC-22", "AC-39"],
            120, 11,
            "Quarterly user access reviews cover every role in Okta and AWS, and privileged access management re-approves "
                + "administrative roles on each review: together they review access roles and rules as the point of focus asks."),
        book.Sufficient(
            "CC6.4-POF2",
            ["AC-18", "AC-35"],
            1, 11,
            "Leavers hand in their badges with their other company assets, and the quarterly reconciliation of the Lisbon and "
                + "Dublin badge lists deactivates any badge still open for someone who has gone."),
        book.Sufficient(
            "CC6.4-POF4",
            ["AC-35"],
            1, 11,
            "The badge lists of both offices are reconciled quarterly and visitor logs are kept; the data centres are AWS's, "
                + "outside our system, which is why our offices are the only premises we review."),
        book.Sufficient(
            "CC6.5-POF1",
            ["AC-37"],
            1, 12,
            "Laptops and other devices are wiped, with a certificate of destruction, before they are reused or thrown away, and "
                + "removable media is blocked, so no device leaves our hands with readable data on it."),
        book.Sufficient(
            "CC6.6-POF3",
            ["AC-42"],
            1, 12,
            "Every workforce application, including the AWS consoles used from outside the office, asks for phishing-resistant MFA "
                + "through SSO on top of the password."),
        book.Sufficient(
            "CC6.8-POF1",
            ["AC-38", "AC-45"],
            1, 12,
            "Laptops are enrolled in MDM, which decides what software they may run, and production software is installed only "
                + "through Terraform and the deployment pipeline under the controlled installation rule."),
        book.Sufficient(
            "CC6.8-POF2",
            ["AC-45"],
            1, 12,
            "Drift detection compares live infrastructure with its Terraform definition and flags any configuration change that "
                + "did not come through code, against hardened baselines that say what it should be."),
        book.Sufficient(
            "CC6.8-POF5",
            ["AC-38"],
            1, 12,
            "The EDR agent on every laptop scans files that arrive by email, browser or media for malware and unwanted software, and "
                + "device compliance is watched continuously."),
        book.Sufficient(
            "CC7.1-POF3",
            ["AC-45"],
            1, 13,
            "Drift detection runs continuously against the Terraform state and alerts the SRE team when live infrastructure no "
                + "longer matches its code, which is how we notice changes nobody planned."),
        book.Sufficient(
            "CC7.1-POF4",
            ["AC-18", "AC-45"],
            1, 13,
            "The quarterly inventory reconciliation finds devices and SaaS tenants not on record, and anything in AWS not created "
                + "through Terraform shows up as drift."),
        book.Sufficient(
            "CC7.3-POF1",
            ["AC-25", "AC-26"],
            1, 14,
            "Incidents are handled under the response plan's roles and severities and the playbooks, evidence is preserved, each "
                + "incident closes with a post-incident review, and the plan is rehearsed in a yearly tabletop."),
        book.Sufficient(
            "CC7.3-POF5",
            ["AC-19", "AC-26"],
            1, 14,
            "When an incident reaches data, triage uses the classification of the affected stores to establish which "
                + "customer-confidential information was read or leaked, and the incident record says so."),
        book.Sufficient(
            "CC7.4-POF10",
            ["AC-25", "AC-26"],
            1, 14,
            "Every significant incident ends with a post-incident review whose actions update the playbooks, and the yearly "
                + "tabletop checks that the plan still works."),
        book.Sufficient(
            "CC7.5-POF2",
            ["AC-25", "AC-26"],
            1, 14,
            "The response plan sets who is told what, inside the company and to customers, at each severity, and the incident "
                + "records show the messages that were sent."),
        book.Sufficient(
            "CC7.5-POF6",
            ["AC-25", "AC-28"],
            1, 14,
            "Recovery is rehearsed every year by a full region failover measured against the 4-hour RTO and 15-minute RPO, next to "
                + "the yearly incident tabletop."),
        book.Sufficient(
            "CC8.1-POF1",
            ["AC-55", "AC-58"],
            1, 15,
            "A change is followed from its security requirements and threat model through peer-reviewed pull request, CI and "
                + "automated deployment record, so the whole life of a change is under one process."),
        book.Sufficient(
            "CC8.1-POF10",
            ["AC-55", "AC-58"],
            1, 15,
            "Each change is described in its pull request, weighed for security impact against its requirements and threat model, "
                + "and reviewed by a peer before it can merge."),
        book.Sufficient(
            "CC8.1-POF11",
            ["AC-26", "AC-58"],
            1, 15,
            "Fixes decided in incident handling and post-incident reviews are made as ordinary changes through pull request, review "
                + "and CI, so remediation never bypasses change management."),
        book.Sufficient(
            "CC8.1-POF14",
            ["AC-38", "AC-45", "AC-58"],
            1, 15,
            "Patches reach laptops through MDM-managed OS updates, and reach production as changes to Terraform or container images "
                + "that go through pull request, review and CI like any other change."),
        book.Sufficient(
            "CC8.1-POF15",
            ["AC-50", "AC-55"],
            1, 15,
            "Designs are checked for resilience in their threat model and must run in at least three availability zones, with "
                + "failover tested every quarter."),
    ];
}
