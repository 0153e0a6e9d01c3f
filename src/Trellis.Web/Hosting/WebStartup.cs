using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trellis.Content.Demo;
using Trellis.Data;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;

namespace Trellis.Web.Hosting;

/// <summary>
/// Runs before the server listens: applies the program's and the web state's migrations (EF Core takes a
/// database-wide lock, so several instances may start at once); with <see cref="TrellisWebOptions.Demo"/>,
/// loads the demo program into an empty database; and, when there is no account at all, creates the first
/// administrator with a one-time random password that is printed once and stored only as a hash.
/// </summary>
internal sealed class WebStartup(
    IServiceProvider services, WebDatabase database, ProgramStore store, AuditStore audits, TimeProvider clock, AuditLog audit, ServeConsole console, IOptions<TrellisWebOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        if (options.Value.Demo)
        {
            await LoadDemoAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        if (!await accounts.NoneExistAsync(cancellationToken))
        {
            return;
        }

        var password = AccountService.RandomPassword();
        var email = options.Value.FirstAdminEmail;
        var created = await accounts.CreateAsync(new NewAccount(email, Roles.Admin, "Administrator"), password, "system", cancellationToken);
        if (created.IsSuccess)
        {
            console.Say($"First start: created the administrator {email} with the one-time password {password}");
            console.Say("It is shown only now. Sign in with it, then create your own accounts under Accounts.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadDemoAsync(CancellationToken ct)
    {
        var current = await store.LoadAsync(ct);
        if (current.Controls.Count > 0 || current.Evidence.Count > 0 || current.Risks.Count > 0)
        {
            return;
        }

        var (program, blobs) = DemoProgram.Create(clock);
        var loaded = await store.ReplaceAsync(program, blobs, ct);
        if (!loaded.IsSuccess)
        {
            throw new InvalidOperationException($"the demo program did not load: {loaded.Error}");
        }

        await audit.AppendAsync("system", "program.load-demo", "program", new { organization = program.Organization, controls = loaded.Value.Controls, evidence = loaded.Value.Evidence }, ct);
        var set = DemoAudits.Create(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await audits.AddMissingAsync(set.Engagements, set.Findings, ct);
        console.Say($"Loaded the demo program ({program.Organization}): {loaded.Value.Controls} controls, {loaded.Value.Evidence} evidence items, {loaded.Value.Risks} risks, {set.Engagements.Count} engagements.");
    }
}
