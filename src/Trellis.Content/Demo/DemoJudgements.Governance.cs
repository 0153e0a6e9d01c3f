using Trellis.Core.Program;

namespace Trellis.Content.Demo;

// CC1 (control environment) and CC2 (information and communication). Left open on purpose: CC1.1-POF3 (adherence to
// the code of conduct is not evaluated until AC-16 runs), CC1.2 (board oversight and expertise), CC1.4-POF3/POF4
// (retention and succession), CC1.5-POF2..POF5 (performance measures, incentives, pressures), CC2.1-POF3/POF5/POF8
// (metrics still in progress, no data-flow documentation, no check of information quality), and CC2.2/CC2.3 (internal
// and external communication of commitments, the system description and a confidential reporting line).
internal static partial class DemoJudgements
{
    private static IEnumerable<Judgement> Governance(Book book) =>
    [
        book.Sufficient(
            "CC1.1-POF1",
            ["AC-02", "AC-03"],
            2, 10,
            "The CEO chairs the quarterly security steering committee and signs the policy set every year; staff see the founders' "
                + "stance on security and integrity in those minutes and in the policies they acknowledge."),
        book.Sufficient(
            "CC1.1-POF2",
            ["AC-02", "AC-33"],
            2, 10,
            "Expected behaviour is written down in two places every employee signs: the code of conduct in the employment contract "
                + "and the CEO-approved security policies published on the intranet."),
        book.Sufficient(
            "CC1.1-POF4",
            ["AC-15", "AC-33"],
            2, 10,
            "Breaches of the code of conduct go to the disciplinary process named in every contract, and policy breaches are logged "
                + "as nonconformities, root-caused and corrected, with the log reviewed monthly rather than once a year."),
        book.Sufficient(
            "CC1.1-POF5",
            ["AC-23", "AC-33"],
            2, 11,
            "Contractors sign the same security and confidentiality clauses and code of conduct as employees, and suppliers whose "
                + "people reach our systems are bound by security terms before onboarding."),
        book.NotRelevant(
            "CC1.2-POF3",
            150, 10,
            "No independent board: Northwind is a founder-led private company without outside directors or investors "
                + "on a board; oversight of internal control rests with the founders themselves, in the security steering committee "
                + "(AC-03) and the management review (AC-14), so there is no board whose independence from management could be shown."),
        book.Sufficient(
            "CC1.3-POF1",
            ["AC-01", "AC-04"],
            2, 11,
            "Northwind is one legal entity with two offices and one SaaS platform: the yearly scope review covers all of it, and the "
                + "RACI places every security process in engineering, IT, people or legal, so no part of the company sits outside it."),
        book.Sufficient(
            "CC1.3-POF2",
            ["AC-03", "AC-04"],
            2, 11,
            "The approved RACI says who reports to whom for security (system owners to the CTO, security engineering and IT to the "
                + "CISO), and the CISO reports the programme to the CEO in the quarterly steering committee."),
        book.Sufficient(
            "CC1.3-POF3",
            ["AC-04", "AC-05"],
            2, 11,
            "Authority comes from the RACI and role descriptions approved each year, and the segregation-of-duties matrix limits it: "
                + "nobody both deploys and approves a change, or both grants and reviews access."),
        book.Sufficient(
            "CC1.3-POF4",
            ["AC-04", "AC-09"],
            2, 11,
            "Role descriptions carry the security duties of each engineering, SRE and IT role, and the competences each of those roles "
                + "needs are defined, so the duties our system demands are set when authority is handed out."),
        book.Sufficient(
            "CC1.3-POF5",
            ["AC-04", "AC-23"],
            2, 11,
            "Supplier security terms state what each supplier is answerable for, the review of the AWS SOC 2 report records the "
                + "complementary controls left to us, and the RACI names who owns each supplier relationship."),
        book.Sufficient(
            "CC1.4-POF2",
            ["AC-09"],
            2, 12,
            "The security competences of each role are defined and checked against training records every year; where someone falls "
                + "short, training is assigned and followed up before the next yearly check."),
        book.Sufficient(
            "CC1.4-POF7",
            ["AC-09", "AC-10"],
            2, 12,
            "Technical staff keep their skills current through the role-based training recorded against their defined competences, "
                + "funded in the yearly security budget, on top of the awareness course and quarterly phishing drills everyone takes."),
        book.Sufficient(
            "CC1.5-POF1",
            ["AC-04", "AC-33"],
            2, 12,
            "Each control and security process has one accountable owner in the RACI, and every contract binds its holder to security "
                + "duties whose breach is handled through the disciplinary process."),
        book.Sufficient(
            "CC1.5-POF6",
            ["AC-33"],
            2, 12,
            "Breaches of security or confidentiality duties lead to action under the disciplinary process written into every "
                + "employment contract; the people team keeps the records of each case."),
        book.Sufficient(
            "CC2.1-POF1",
            ["AC-01", "AC-14"],
            2, 14,
            "What the security programme needs to know is fixed by the yearly review of issues and interested parties' requirements "
                + "and by the management review's list of inputs: audit results, incidents, risks and supplier performance."),
        book.Sufficient(
            "CC2.1-POF2",
            ["AC-01", "AC-14"],
            2, 14,
            "Both kinds of source feed the reviews: from inside, audit results, nonconformities and incidents; from outside, "
                + "customer and regulatory requirements and changes in threats and the market, gathered in the context review."),
        book.Sufficient(
            "CC2.1-POF9",
            ["AC-18", "AC-36"],
            2, 14,
            "The asset inventory records an owner and place for every laptop, AWS account and SaaS tenant and is reconciled "
                + "quarterly; laptops are also tracked by the device management tooling wherever staff take them."),
    ];
}
