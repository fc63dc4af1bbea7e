using System.Net;
using System.Net.Sockets;
using System.Text;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CertificateInquiry.IntegrationTests.Notifications;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task Sends_plain_Persian_text_with_the_idempotency_key_as_Message_ID()
    {
        using var server = new OneMessageSmtpServer();
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseStartTls = false,
            From = "no-reply@portal.test",
        }));

        await sender.SendAsync(
            new EmailMessage("outbox-42-638000000000000000", "maryam@example.org", "درخواست استعلام گواهینامه: پاسخ داده شد", "با سلام،\nبه درخواست شما پاسخ داده شد."),
            CancellationToken.None);

        var received = await server.Received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("outbox-42-638000000000000000@portal.test", received.MessageId);
        Assert.Equal("درخواست استعلام گواهینامه: پاسخ داده شد", received.Subject);
        Assert.Equal("با سلام،\nبه درخواست شما پاسخ داده شد.", received.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal("maryam@example.org", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("سازمان آموزش فنی و حرفه‌ای کشور", Assert.Single(received.From.Mailboxes).Name);
        Assert.Equal(["<no-reply@portal.test>", "<maryam@example.org>"], server.Envelope);
    }

    [Fact]
    public async Task A_refused_recipient_becomes_a_delivery_failure_without_the_address()
    {
        using var server = new OneMessageSmtpServer(refuseRecipient: true);
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseStartTls = false,
            From = "no-reply@portal.test",
        }));

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() =>
            sender.SendAsync(new EmailMessage("outbox-1-1", "nobody@example.org", "موضوع", "متن"), CancellationToken.None));

        Assert.StartsWith("SMTP 550", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_host_nothing_is_attempted()
    {
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions()));

        await Assert.ThrowsAsync<NotificationDeliveryException>(() =>
            sender.SendAsync(new EmailMessage("outbox-1-1", "maryam@example.org", "موضوع", "متن"), CancellationToken.None));
    }

    /// <summary>Just enough SMTP on a loopback port for one message: no TLS, no authentication.</summary>
    private sealed class OneMessageSmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<MimeMessage> received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly bool refuseRecipient;

        public OneMessageSmtpServer(bool refuseRecipient = false)
        {
            this.refuseRecipient = refuseRecipient;
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public Task<MimeMessage> Received => received.Task;

        public List<string> Envelope { get; } = [];

        public void Dispose() => listener.Stop();

        private async Task ServeAsync()
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 test ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var command = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 test");
                            break;
                        case "MAIL":
                            Envelope.Add(line[(line.IndexOf(':') + 1)..].Split(' ')[0]);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT" when refuseRecipient:
                            await writer.WriteLineAsync("550 5.1.1 " + line[(line.IndexOf(':') + 1)..] + " mailbox unavailable");
                            break;
                        case "RCPT":
                            Envelope.Add(line[(line.IndexOf(':') + 1)..].Split(' ')[0]);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 go on");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            received.TrySetResult(await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(data.ToString()))));
                            await writer.WriteLineAsync("250 queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                received.TrySetException(exception);
            }
        }
    }
}
