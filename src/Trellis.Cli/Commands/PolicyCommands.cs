using System.CommandLine;
using System.Globalization;
using Trellis.Application.Policies;
using Trellis.Cli.Output;
using Trellis.Core.Policies;
using Trellis.Core.Program;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis policies [--format json|table]</c> and <c>policies show|templates|adopt|add|edit|new-version|submit|approve|publish|acknowledge|export</c>:
/// the program's policies from draft to acknowledgement (docs/operations.md, "Policies").
/// </summary>
internal static partial class PolicyCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("policies", "The program's policies: version, status, approval and how many people acknowledged the current version.") { format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var list = await useCases.Policies.ListAsync(useCases.Actor, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, list.Select(Json));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "title", "owner", "version", "status", "approved", "acknowledged"],
                    list.Select(v => (IReadOnlyList<string?>)
                    [
                        v.Policy.Id, v.Policy.Title, v.Policy.Owner, Number(v.Shown.Number), v.Policy.Latest.Status.ToWire(),
                        Day(v.Shown.ApprovedAt), v.Acknowledgements.Version is null ? "" : $"{v.Acknowledgements.Percent}%",
                    ]),
                    $"{list.Count} policies: {list.Count(v => v.Policy.Current is not null)} published");
            }

            return ExitCodes.Ok;
        });
        cmd.Subcommands.Add(Show(ctx));
        cmd.Subcommands.Add(Templates(ctx));
        cmd.Subcommands.Add(Adopt(ctx));
        cmd.Subcommands.Add(Add(ctx));
        cmd.Subcommands.Add(Edit(ctx));
        cmd.Subcommands.Add(NewVersion(ctx));
        cmd.Subcommands.Add(Submit(ctx));
        cmd.Subcommands.Add(Approve(ctx));
        cmd.Subcommands.Add(Publish(ctx));
        cmd.Subcommands.Add(Acknowledge(ctx));
        cmd.Subcommands.Add(Export(ctx));
        yield return cmd;
    }

    /// <summary>The JSON of a policy: <c>id</c>, <c>title</c>, <c>owner</c>, <c>version</c>, <c>status</c>, <c>approved</c>, <c>acknowledged</c> (%), and more.</summary>
    internal static object Json(PolicyView v) => new
    {
        id = v.Policy.Id,
        title = v.Policy.Title,
        owner = v.Policy.Owner,
        version = v.Shown.Number,
        status = v.Policy.Latest.Status.ToWire(),
        approved = v.Shown.ApprovedAt is { } a ? DateOnly.FromDateTime(a.UtcDateTime) : (DateOnly?)null,
        acknowledged = v.Acknowledgements.Version is null ? (int?)null : v.Acknowledgements.Percent,
        current = v.Policy.Current?.Number,
        latest = v.Policy.Latest.Number,
        reviewCadence = v.Policy.ReviewCadence.ToWire(),
        reviewDue = v.Policy.ReviewDue,
        requirements = v.Policy.Requirements.Select(r => r.ToString()),
        controls = v.Policy.ControlIds,
        evidence = v.Policy.EvidenceId,
        pendingAcknowledgements = v.Acknowledgements.Pending,
    };

    private static Command Show(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var format = Options.Format("text", "json");
        var db = Db.Option();
        var cmd = new Command("show", "A policy: its versions, approvals, who has and who has not acknowledged, and the current text.") { id, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var v = CliContext.Require(await useCases.Policies.GetAsync(useCases.Actor, parse.GetValue(id)!, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new
                {
                    policy = Json(v),
                    versions = v.Policy.Versions.Select(x => new
                    {
                        number = x.Number,
                        status = x.Status.ToWire(),
                        author = x.Author,
                        created = x.Created,
                        approvers = x.Approvers,
                        approvals = x.Approvals.Select(a => new { by = a.Approver, at = a.At }),
                        approvedAt = x.ApprovedAt,
                        publishedAt = x.PublishedAt,
                    }),
                    acknowledged = v.Acknowledgements.Acknowledged.Select(a => new { person = a.Person, at = a.At }),
                    body = v.Shown.Body,
                });
                return ExitCodes.Ok;
            }

            var o = ctx.Out;
            await o.WriteLineAsync($"{v.Policy.Id} {v.Policy.Title} (owner {v.Policy.Owner}, review {v.Policy.ReviewCadence.ToWire()}, due {Day(v.Policy.ReviewDue)})").ConfigureAwait(false);
            await o.WriteLineAsync($"maps to: {string.Join(", ", v.Policy.Requirements)}").ConfigureAwait(false);
            foreach (var x in v.Policy.Versions)
            {
                var approvals = string.Join(", ", x.Approvals.Select(a => $"{a.Approver} {Day(a.At)}"));
                await o.WriteLineAsync($"v{x.Number} {x.Status.ToWire()}  approvers: {string.Join(", ", x.Approvers)}  approved: {approvals}").ConfigureAwait(false);
            }

            await o.WriteLineAsync($"acknowledged {v.Acknowledgements.Percent}%: {string.Join(", ", v.Acknowledgements.Acknowledged.Select(a => a.Person))}").ConfigureAwait(false);
            await o.WriteLineAsync($"not yet: {string.Join(", ", v.Acknowledgements.Pending)}").ConfigureAwait(false);
            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync(v.Shown.Body).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Templates(CliContext ctx)
    {
        var cmd = new Command("templates", "The starter policies Trellis ships (written in our own words), with the requirements each maps to.");
        cmd.SetAction(_ =>
        {
            Render.WriteTable(ctx.Out, ["name", "title", "maps to"], PolicyService.Templates.Select(t => (IReadOnlyList<string?>)[t.Name, t.Title, string.Join(" ", t.Requirements.Select(r => r.Requirement))]), $"{PolicyService.Templates.Count} templates");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Adopt(CliContext ctx)
    {
        var template = new Argument<string>("template") { Description = "A template name (trellis policies templates)." };
        var id = new Option<string?>("--id") { Description = "The policy's ID (default: the template's name)." };
        var owner = new Option<string?>("--owner") { Description = "The owner's e-mail (default: you)." };
        var db = Db.Option();
        var cmd = new Command("adopt", "Adopt a starter policy as a draft to edit.") { template, id, owner, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.AdoptAsync(useCases.Actor, parse.GetValue(template)!, parse.GetValue(id), parse.GetValue(owner), ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"adopted {p.Id} ({p.Title}) as a draft, version 1").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command NewVersion(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var db = Db.Option();
        var cmd = new Command("new-version", "Start the next version as a draft; the published one stays current until the new one is published.") { id, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.NewVersionAsync(useCases.Actor, parse.GetValue(id)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{p.Id} version {p.Latest.Number} started as a draft").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Submit(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var version = new Option<int>("--version") { Description = "The draft's version number.", Required = true };
        var approvers = new Option<string[]>("--approver") { Description = "A person who must approve it (e-mail); repeat for several (default: the approvers named on the draft).", AllowMultipleArgumentsPerToken = true };
        var db = Db.Option();
        var cmd = new Command("submit", "Submit a draft for approval by every named approver.") { id, version, approvers, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.SubmitAsync(useCases.Actor, parse.GetValue(id)!, parse.GetValue(version), parse.GetValue(approvers) ?? [], ct).ConfigureAwait(false));
            var v = p.Version(parse.GetValue(version))!;
            await ctx.Out.WriteLineAsync($"{p.Id} version {v.Number} in review: {string.Join(", ", v.Approvers)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Approve(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var version = new Option<int>("--version") { Description = "The version in review.", Required = true };
        var by = new Option<string?>("--by") { Description = "The named approver whose approval is recorded (default: you, with --as)." };
        var db = Db.Option();
        var cmd = new Command("approve", "Record a named approver's approval; the version is approved when every named approver has approved.") { id, version, by, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.ApproveAsync(useCases.Actor, parse.GetValue(id)!, parse.GetValue(version), parse.GetValue(by), ct).ConfigureAwait(false));
            var v = p.Version(parse.GetValue(version))!;
            var waiting = v.PendingApprovers.Count == 0 ? "" : $"; waiting for {string.Join(", ", v.PendingApprovers)}";
            await ctx.Out.WriteLineAsync($"{p.Id} version {v.Number} {v.Status.ToWire()}{waiting}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Publish(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var version = new Option<int>("--version") { Description = "The approved version.", Required = true };
        var db = Db.Option();
        var cmd = new Command("publish", "Publish an approved version: it becomes current and evidence for the requirements it maps to, from its approval day.") { id, version, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.PublishAsync(useCases.Actor, parse.GetValue(id)!, parse.GetValue(version), ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{p.Id} version {p.Current!.Number} published; evidence {p.EvidenceId}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Acknowledge(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var db = Db.Option();
        var cmd = new Command("acknowledge", "Acknowledge that you read the current version (as the web account named by --as).") { id, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.AcknowledgeAsync(useCases.Actor, parse.GetValue(id)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{useCases.Actor.Email} acknowledged {p.Id} version {p.Current!.Number}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Export(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var version = new Option<int?>("--version") { Description = "The version (default: the current one)." };
        var pdf = new Option<string>("--pdf") { Description = "Where to write the PDF.", Required = true };
        var db = Db.Option();
        var cmd = new Command("export", "Export an approved version as PDF, with the SHA-256 of its approved text printed in it.") { id, version, pdf, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var export = CliContext.Require(await useCases.Policies.ExportPdfAsync(useCases.Actor, parse.GetValue(id)!, parse.GetValue(version), ct).ConfigureAwait(false));
            await File.WriteAllBytesAsync(parse.GetValue(pdf)!, export.Pdf, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"wrote {parse.GetValue(pdf)} ({export.Pdf.Length} bytes)").ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"text sha256 {export.TextSha256}").ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"pdf sha256 {export.PdfSha256}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    private static string Day(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
