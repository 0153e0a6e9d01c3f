using Trellis.Core.Program;
using Trellis.Core.Vendors;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The SOC 2 system description (the sections of the AICPA's description criteria, DC 200, that the program's data can
/// fill, in our words): services and principal service commitments and system requirements, components and boundaries,
/// the TSC categories in scope, subservice organizations with their method and CSOCs mapped to the controls that
/// monitor them, CUECs, and significant changes. The text management writes around it stays theirs.
/// <para>
/// Subservice organizations come from the vendor register (each vendor marked carve-out or inclusive). The scope's own
/// <c>subservices</c> list (program.yaml) is read for old files and merged: an entry the register does not hold is
/// listed as "scope only" so nothing silently disappears, and where both name the same organization (by name,
/// ignoring case) the register wins and a differing method is pointed out.
/// </para>
/// </summary>
internal static class SystemDescriptionReport
{
    private static readonly ReportColumn[] ItemColumns = [new("part", "Part", 1.2), new("text", "Text", 4)];

    public static ReportDocument Build(ComplianceProgram program, IReadOnlyList<Vendor> vendors, DateOnly today, DateTimeOffset generatedAt)
    {
        var system = program.Scope.System;
        var isms = program.Scope.Isms;
        var sections = new List<ReportSection>
        {
            Items(
                "Services and principal service commitments",
                "What the system provides, what was committed to customers, and the system requirements that meet those commitments.",
                [("Service", system.Services), ("Service commitment", system.ServiceCommitments), ("System requirement", system.SystemRequirements)]),
            Items(
                "Components and boundaries of the system",
                "Infrastructure, software, people, data and procedures of the system, and the boundaries of the ISMS scope.",
                [
                    ("Infrastructure", system.Components.Infrastructure), ("Software", system.Components.Software), ("People", system.Components.People),
                    ("Data", system.Components.Data), ("Procedures", system.Components.Procedures), ("Boundary", isms.Boundaries),
                    ("Interface", isms.Interfaces), ("Excluded", isms.Exclusions),
                ]),
            new ReportSection(
                "Trust Services Criteria categories",
                new ReportTable(
                    [new("category", "Category", 2), new("scope", "In scope", 1)],
                    [.. TscCategories.All.Select(c => (IReadOnlyList<string>)[c, program.Scope.TscCategories.Contains(c, StringComparer.Ordinal) ? "yes" : "no"])])),
        };

        var (organizations, csocs, notes) = Subservices(program, vendors, today);
        sections.Add(new ReportSection(
            "Subservice organizations",
            new ReportTable(
                [new("organization", "Organization", 1.5), new("service", "Service", 2.5), new("method", "Method", 1), new("assurance", "Assurance held", 2.5), new("source", "Source", 1.2)],
                organizations))
        {
            Paragraph = notes.Count == 0
                ? "From the vendor register (the register is the source; the scope's own list is merged)."
                : "From the vendor register (the register is the source; the scope's own list is merged). " + string.Join(" ", notes),
        });
        sections.Add(new ReportSection(
            "Complementary subservice-organization controls (CSOCs)",
            new ReportTable(
                [new("organization", "Organization", 1.5), new("csoc", "CSOC", 3.5), new("monitoredBy", "Monitored by our controls", 3)],
                csocs))
        {
            Paragraph = "What each carved-out or included subservice organization is expected to operate, and the controls by which we monitor it.",
        });
        sections.Add(new ReportSection(
            "Complementary user-entity controls (CUECs)",
            new ReportTable([new("number", "#", 0.4, ColumnAlignment.Right), new("cuec", "Control the user entity is expected to operate", 5)],
                [.. system.UserEntityControls.Select((c, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c])])));
        sections.Add(new ReportSection("Significant changes", new ReportTable(ItemColumns, []))
        {
            Paragraph = "The program records no significant changes to the system for the period; describe any in the description's text.",
        });

        return new ReportDocument
        {
            Kind = ReportKind.SystemDescription.ToWire(),
            Title = "SOC 2 system description",
            Subtitle = $"{program.Organization} — {(system.Name.Length > 0 ? system.Name : "the system")}".TrimStart(' ', '—'),
            GeneratedAt = generatedAt,
            Metadata =
            [
                new ReportField("Organization", program.Organization),
                new ReportField("System", system.Name),
                new ReportField("As of", ReportText.Date(today)),
            ],
            Sections = sections,
        };
    }

    private static ReportSection Items(string heading, string paragraph, IEnumerable<(string Part, IReadOnlyList<string> Texts)> parts) =>
        new(heading, new ReportTable(ItemColumns, [.. parts.SelectMany(p => p.Texts.Select(t => (IReadOnlyList<string>)[p.Part, t]))])) { Paragraph = paragraph };

    private static (List<IReadOnlyList<string>> Organizations, List<IReadOnlyList<string>> Csocs, List<string> Notes) Subservices(
        ComplianceProgram program, IReadOnlyList<Vendor> vendors, DateOnly today)
    {
        var titles = program.Controls.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var organizations = new List<IReadOnlyList<string>>();
        var csocs = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        var fromRegister = vendors.Where(v => v.Subservice is not null).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var scope = program.Scope.System.Subservices;
        foreach (var v in fromRegister)
        {
            var sub = v.Subservice!;
            if (scope.FirstOrDefault(s => string.Equals(s.Name, v.Name, StringComparison.OrdinalIgnoreCase)) is { } listed && listed.Method != sub.Method)
            {
                notes.Add($"The scope lists {listed.Name} as {listed.Method.ToWire()}; the vendor register's {sub.Method.ToWire()} is used.");
            }

            organizations.Add([v.Name, v.Service, sub.Method.ToWire(), Assurance(v, today), $"vendor register ({v.Id})"]);
            csocs.AddRange(sub.Controls.Select(c => (IReadOnlyList<string>)
                [v.Name, c.Description, c.MonitoredBy.Count == 0 ? "none named" : string.Join("\n", c.MonitoredBy.Select(id => titles.TryGetValue(id, out var t) ? $"{id} {t}" : id))]));
        }

        foreach (var s in scope.Where(s => !fromRegister.Any(v => string.Equals(v.Name, s.Name, StringComparison.OrdinalIgnoreCase))))
        {
            notes.Add($"{s.Name} is listed in the scope but is no subservice organization in the vendor register: add it there to record its assurance and monitoring controls.");
            organizations.Add([s.Name, s.Service, s.Method.ToWire(), "not in the vendor register", "scope only"]);
            csocs.AddRange(s.ComplementaryControls.Select(c => (IReadOnlyList<string>)[s.Name, c, "not recorded (scope only)"]));
        }

        return (organizations, csocs, notes);
    }

    private static string Assurance(Vendor v, DateOnly today)
    {
        var parts = new List<string>();
        if (v.Soc2 is { } s)
        {
            var until = VendorStanding.Soc2ValidUntil(s);
            parts.Add($"SOC 2 {s.Type.ToWire()} {ReportText.Date(s.PeriodStart)} to {ReportText.Date(s.PeriodEnd)}, {s.Opinion.ToWire()} opinion"
                + (until < today ? $" — expired {ReportText.Date(until)}" : $" — counts until {ReportText.Date(until)}"));
        }

        if (v.Iso27001 is { } i)
        {
            parts.Add($"ISO/IEC 27001 certificate {i.Number}, expiry {ReportText.Date(i.Expiry)}{(i.Expiry < today ? " — expired" : "")}");
        }

        return parts.Count == 0 ? "none held" : string.Join("\n", parts);
    }
}
