using System.CommandLine;
using Trellis.Application.Policies;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis policies add</c> and <c>policies edit</c>: write a policy from scratch, change its text or its details.</summary>
internal static partial class PolicyCommands
{
    private static Command Add(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy's ID (POL-001 or a slug such as access-control)." };
        var title = new Option<string>("--title") { Description = "Title.", Required = true };
        var owner = new Option<string?>("--owner") { Description = "The owner's e-mail (default: you)." };
        var file = new Option<string>("--file") { Description = "A Markdown file with the text of version 1.", Required = true };
        var cadence = new Option<string?>("--review-cadence") { Description = $"How often it is reviewed: {string.Join(", ", Cadences.WireNames)} (default annual)." };
        var requirements = new Option<string[]>("--requirement") { Description = "A requirement it speaks to, framework:id (e.g. iso27001-2022:A.5.1); repeat for several.", AllowMultipleArgumentsPerToken = true };
        var controls = new Option<string[]>("--control") { Description = "A control it supports; repeat for several.", AllowMultipleArgumentsPerToken = true };
        var approvers = new Option<string[]>("--approver") { Description = "A person who must approve version 1 (e-mail); repeat for several.", AllowMultipleArgumentsPerToken = true };
        var db = Db.Option();
        var cmd = new Command("add", "Write a new policy: version 1 as a draft, from a Markdown file.") { id, title, owner, file, cadence, requirements, controls, approvers, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var body = await ReadBodyAsync(parse.GetValue(file)!, ct).ConfigureAwait(false);
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var input = new NewPolicy(parse.GetValue(id)!, parse.GetValue(title)!, parse.GetValue(owner) ?? useCases.Actor.Email, body)
            {
                ReviewCadence = parse.GetValue(cadence),
                Requirements = parse.GetValue(requirements) ?? [],
                Controls = parse.GetValue(controls) ?? [],
                Approvers = parse.GetValue(approvers) ?? [],
            };
            var p = CliContext.Require(await useCases.Policies.CreateAsync(useCases.Actor, input, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"added {p.Id} ({p.Title}) as a draft, version 1").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Edit(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The policy." };
        var file = new Option<string?>("--file") { Description = "A Markdown file with the new text of the draft." };
        var title = new Option<string?>("--title") { Description = "New title." };
        var owner = new Option<string?>("--owner") { Description = "New owner (e-mail)." };
        var cadence = new Option<string?>("--review-cadence") { Description = $"New review cadence: {string.Join(", ", Cadences.WireNames)}." };
        var requirements = new Option<string[]>("--requirement") { Description = "Replaces the mapped requirements (framework:id); repeat for several.", AllowMultipleArgumentsPerToken = true };
        var controls = new Option<string[]>("--control") { Description = "Replaces the controls it names; repeat for several.", AllowMultipleArgumentsPerToken = true };
        var approvers = new Option<string[]>("--approver") { Description = "Replaces the draft's approvers (e-mails); repeat for several.", AllowMultipleArgumentsPerToken = true };
        var db = Db.Option();
        var cmd = new Command("edit", "Replace the draft's text with a Markdown file (--file) and/or change the policy's details (title, owner, review cadence, requirements, controls, the draft's approvers).")
        {
            id, file, title, owner, cadence, requirements, controls, approvers, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            string[]? Given(Option<string[]> option) => parse.GetResult(option) is null ? null : parse.GetValue(option) ?? [];
            var edit = new PolicyEdit(parse.GetValue(title), parse.GetValue(owner), parse.GetValue(cadence), Given(requirements), Given(controls), Given(approvers));
            var path = parse.GetValue(file);
            if (path is null && edit == new PolicyEdit())
            {
                CliContext.Require<string>(new Error(ErrorCodes.InvalidOption, "say what to change: --file, --title, --owner, --review-cadence, --requirement, --control or --approver", "--file"));
            }

            var body = path is null ? null : await ReadBodyAsync(path, ct).ConfigureAwait(false);
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var p = CliContext.Require(await useCases.Policies.EditAsync(useCases.Actor, parse.GetValue(id)!, edit, ct).ConfigureAwait(false));
            if (body is not null)
            {
                p = CliContext.Require(await useCases.Policies.EditDraftAsync(useCases.Actor, p.Id, body, ct).ConfigureAwait(false));
                await ctx.Out.WriteLineAsync($"{p.Id} version {p.Latest.Number} draft updated").ConfigureAwait(false);
            }

            if (edit != new PolicyEdit())
            {
                await ctx.Out.WriteLineAsync($"{p.Id} details updated").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static async Task<string> ReadBodyAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            CliContext.Require<string>(new Error(ErrorCodes.InvalidOption, $"no file '{path}'", "--file"));
        }

        return await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
    }
}
