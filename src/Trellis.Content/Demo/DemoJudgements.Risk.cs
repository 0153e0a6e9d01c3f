using Trellis.Core.Program;

namespace Trellis.Content.Demo;

// CC3 (risk assessment), CC4 (monitoring) and CC5 (control activities). Left open on purpose: CC3.1 (operations,
// financial and reporting objectives, which an ISMS does not set), CC3.3 (fraud risk: AC-59 is only planned),
// CC3.4-POF5 (changes in supplier relationships wait for AC-24, in progress), CC4.1-POF5 (monitoring built into
// business processes waits for AC-16, planned), CC5.1-POF5 and CC5.2-POF1 (COSO's layering of controls and the
// dependency of automated business controls on IT general controls, which ISO does not ask for).
internal static partial class DemoJudgements
{
    private static IEnumerable<Judgement> Risk(Book book) =>
    [
        book.Sufficient(
            "CC3.2-POF1",
            ["AC-06"],
            2, 15,
            "The yearly risk assessment is worked through with every department head and covers the platform, corporate IT and both "
                + "offices, so risks are found at company and team level; Northwind has no subsidiaries or divisions."),
        book.Sufficient(
            "CC3.2-POF2",
            ["AC-01", "AC-06"],
            2, 15,
            "The yearly context review lists the issues inside and outside the company (customers, regulation, suppliers, the threat "
                + "landscape), and those issues are where each risk assessment on the 5x5 matrix starts."),
        book.Sufficient(
            "CC3.2-POF3",
            ["AC-06", "AC-07"],
            1, 15,
            "The annual risk assessment is run by the CISO with every department head and signed off by the CEO, and the "
                + "quarterly risk treatment plan and SoA are approved by the risk owners and the CISO: management at every level "
                + "takes part, which is all this point of focus asks of a company our size."),
        book.Sufficient(
            "CC3.2-POF6",
            ["AC-06"],
            2, 15,
            "Risk identification starts from what could harm the confidentiality, integrity and availability of the platform and "
                + "corporate systems, and is redone after significant changes, so the threats to our commitments are in the register."),
        book.Sufficient(
            "CC3.2-POF7",
            ["AC-06", "AC-55", "AC-56"],
            2, 15,
            "Weaknesses in our components found by threat models, the security tests every release passes and the yearly external "
                + "penetration test are rated on the 5x5 matrix and enter the register as risks."),
        book.Sufficient(
            "CC3.2-POF8",
            ["AC-06", "AC-23"],
            2, 15,
            "Every supplier is risk-tiered and assessed before onboarding, and the risks of the higher tiers, AWS as carved-out "
                + "subservice organization among them, are carried into the company risk register."),
        book.Sufficient(
            "CC3.2-POF9",
            ["AC-06", "AC-07"],
            2, 15,
            "Each risk is scored for likelihood and impact on the 5x5 matrix and compared with the acceptance criteria; every risk "
                + "above the threshold gets a treatment decision that is tracked quarterly."),
        book.Sufficient(
            "CC3.4-POF1",
            ["AC-01", "AC-06"],
            2, 16,
            "Outside changes such as new regulation, customer demands or a shift in threats are caught by the yearly context review "
                + "and, when significant, trigger a fresh risk assessment without waiting for the yearly cycle."),
        book.Sufficient(
            "CC3.4-POF2",
            ["AC-06", "AC-12", "AC-14"],
            2, 16,
            "Changes to how we sell or run the service (a new region, product or major architecture move) are planned through the "
                + "ISMS change process with impact and owner, reassessed for risk, and brought to the management review."),
        book.Sufficient(
            "CC3.4-POF3",
            ["AC-06", "AC-14"],
            2, 16,
            "A change of CEO, CTO or CISO counts as a significant change: the risk assessment is rerun and the next management "
                + "review records what the change means for the security programme."),
        book.Sufficient(
            "CC4.1-POF1",
            ["AC-13", "AC-15"],
            2, 16,
            "Separate evaluations come from the yearly independent internal audit; ongoing ones from the monthly review of the "
                + "nonconformity and corrective action log, which collects what each control owner finds between audits."),
        book.Sufficient(
            "CC4.1-POF2",
            ["AC-12", "AC-13"],
            2, 16,
            "The audit programme is re-planned each year in the ISMS calendar, giving earlier and deeper audits to processes that "
                + "changed or had findings last time, so fast-moving areas are not left to a fixed rota."),
        book.Sufficient(
            "CC4.1-POF3",
            ["AC-13"],
            2, 16,
            "The internal auditor starts every cycle from the previous audit report and the current SoA, which together describe "
                + "how each clause and applicable Annex A control is meant to work here."),
        book.Sufficient(
            "CC4.1-POF8",
            ["AC-13", "AC-56"],
            2, 16,
            "Our evaluations are of several kinds: the independent internal audit of every clause, the yearly external penetration "
                + "test, and the certification body's audits that the internal audit prepares for."),
        book.Sufficient(
            "CC4.2-POF2",
            ["AC-13", "AC-14", "AC-15"],
            2, 17,
            "Audit findings and nonconformities reach the owners who must fix them through the corrective action log, and reach top "
                + "management at each half-yearly management review, which records what was decided about them."),
        book.Sufficient(
            "CC5.1-POF2",
            ["AC-06", "AC-07"],
            2, 17,
            "Controls are chosen from Northwind's own risk assessment of a cloud-only SaaS business with two offices, so our size, "
                + "regulation and technology decide what the treatment plan selects, not a generic catalogue."),
        book.Sufficient(
            "CC5.1-POF3",
            ["AC-01", "AC-07"],
            2, 17,
            "The ISMS scope names the processes in the system (running the platform, support, engineering and corporate IT), and "
                + "the treatment plan ties every control to the risks of those processes."),
        book.Sufficient(
            "CC5.1-POF4",
            ["AC-07"],
            2, 17,
            "For each significant risk the treatment plan and SoA combine preventive, detective and corrective controls, manual and "
                + "automated, such as branch protection, drift detection and the corrective action process."),
        book.Sufficient(
            "CC5.2-POF2",
            ["AC-45", "AC-52"],
            2, 17,
            "The whole AWS estate is under infrastructure controls: hardened Terraform baselines with drift detection, and private "
                + "subnets behind a WAF and load balancers with security groups reviewed quarterly."),
        book.Sufficient(
            "CC5.2-POF3",
            ["AC-20", "AC-39", "AC-42"],
            2, 17,
            "Security management controls cover every way in: least privilege by role, SSO with phishing-resistant MFA for all staff, "
                + "and just-in-time, time-limited administrator access through the access broker."),
        book.Sufficient(
            "CC5.2-POF4",
            ["AC-55", "AC-58"],
            2, 17,
            "Software is built under the secure development lifecycle (security requirements, threat models, SAST and secret "
                + "scanning), and every production change needs a peer-reviewed pull request and passing CI."),
        book.Sufficient(
            "CC5.3-POF1",
            ["AC-02", "AC-31"],
            2, 17,
            "Management's directions become the CEO-approved policy set and the engineering runbooks, which say who does what, so "
                + "each directive has a written procedure behind it."),
        book.Sufficient(
            "CC5.3-POF5",
            ["AC-04", "AC-09"],
            2, 17,
            "The people running each control are named in the RACI, and the competences their roles need are defined and checked "
                + "against training records every year."),
        book.Sufficient(
            "CC5.3-POF6",
            ["AC-02", "AC-11"],
            2, 17,
            "Every policy is reviewed each year and when the business changes; the document register shows owner, review date and "
                + "the archived earlier versions."),
    ];
}
