using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>The <c>Email:Smtp</c> settings section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS required after connecting (port 587). Off: implicit TLS on port 465, plain on any other port (a local relay).</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Empty: no authentication (a relay that trusts the portal's address).</summary>
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>The sender's address; its domain also ends every Message-ID.</summary>
    public string From { get; set; } = string.Empty;

    public string FromName { get; set; } = "سازمان آموزش فنی و حرفه‌ای کشور";
}

/// <summary>
/// Email through an SMTP server with MailKit, one connection per message (a few messages a minute). The
/// idempotency key is the Message-ID, which mail servers and clients use to recognise a repeat.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host) || string.IsNullOrWhiteSpace(settings.From))
        {
            throw new NotificationDeliveryException("Email:Smtp:Host or Email:Smtp:From is not set");
        }

        MimeMessage mime;
        try
        {
            mime = Compose(message, settings);
        }
        catch (ParseException exception)
        {
            throw new NotificationDeliveryException("Not a valid email address", exception);
        }

        using var client = new SmtpClient();
        try
        {
            var security = settings.UseStartTls ? SecureSocketOptions.StartTls
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.None;
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            // The server's text may quote the recipient; the outbox keeps only the status.
            throw new NotificationDeliveryException(
                string.Create(CultureInfo.InvariantCulture, $"SMTP {(int)exception.StatusCode} {exception.ErrorCode}"), exception);
        }
        catch (AuthenticationException exception)
        {
            throw new NotificationDeliveryException("SMTP authentication failed", exception);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or SslHandshakeException or SocketException or IOException or ServiceNotConnectedException)
        {
            throw new NotificationDeliveryException("SMTP connection failed: " + exception.GetType().Name, exception);
        }
    }

    internal static MimeMessage Compose(EmailMessage message, SmtpOptions settings)
    {
        var from = new MailboxAddress(settings.FromName, settings.From);
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = message.IdempotencyKey + "@" + from.Domain;
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, message.Body);
        mime.Body = body;
        return mime;
    }
}
