using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Trellis.Data;

namespace Trellis.Application.Operations;

/// <summary>
/// Sends a delivery as one plain-text mail through the configured SMTP server (MailKit). The Message-Id is the
/// delivery's own, the same for every attempt of one (job, slot, person), so a mail sent twice after a crash is
/// recognisable as one message.
/// </summary>
/// <param name="options">Server settings.</param>
public sealed class SmtpMailer(SmtpOptions options)
{
    /// <summary>True when a host is configured; otherwise no mail is attempted.</summary>
    public bool Configured => options.Configured;

    /// <summary>The deterministic Message-Id of (job, slot, person): <c>job.slot.hash@trellis</c> (the person's address is hashed, not shown).</summary>
    public static string MessageId(string job, DateTimeOffset slot, string person)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{job}.{slot.ToUnixTimeSeconds()}.{hash}@trellis");
    }

    /// <summary>The plain-text body: a greeting, the lines grouped by kind, and a link to /notifications when a public address is set.</summary>
    public static string Body(IReadOnlyList<NotificationLine> lines, string? publicUrl)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder("Hello,\n\nTrellis lists what needs you:\n\n");
        foreach (var group in lines.GroupBy(l => l.Kind))
        {
            text.Append(DigestService.Heading(group.Key)).Append('\n');
            foreach (var line in group)
            {
                text.Append("- ").Append(line.Text).Append('\n');
            }

            text.Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(publicUrl))
        {
            text.Append("The same list is in Trellis: ").Append(publicUrl.TrimEnd('/')).Append("/notifications\n");
        }

        text.Append("You can change what you receive under Notifications, Settings.\n");
        return text.ToString();
    }

    /// <summary>Sends one mail; a failure of the server or the network is an exception (the caller records it).</summary>
    public async Task SendAsync(PlannedDelivery delivery, string body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(delivery.Person));
        message.Subject = delivery.Subject;
        message.MessageId = delivery.MessageId;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var security = !options.UseTls ? SecureSocketOptions.None : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host ?? "", options.Port, security, ct);
        if (!string.IsNullOrWhiteSpace(options.User))
        {
            await client.AuthenticateAsync(options.User, Password(), ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    // From the environment first, then the file; never from the database, never logged.
    private string Password() =>
        Environment.GetEnvironmentVariable(SmtpOptions.PasswordVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : options.PasswordFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : "";
}
