using System.Globalization;
using System.Text.Json;

namespace CertificateInquiry.ClusterTests;

/// <summary>
/// Three dispatchers, one on each server, share one outbox: each message is claimed under a lease by one of them, and
/// a server killed while it holds some leaves them to the others once the lease has run out.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxTests(Cluster cluster)
{
    private const int Messages = 45;

    [SkippableFact]
    public async Task Three_dispatchers_send_each_message_once()
    {
        cluster.SkipUnlessRunning();
        var run = Guid.NewGuid().ToString("N")[..8];

        var keys = await QueueAsync(run);
        await WaitUntilSentAsync(run);

        var sends = await SendCallsAsync();
        Assert.All(keys, key => Assert.Equal(1, sends.GetValueOrDefault(LocalId(key))));
        Assert.Equal(Messages, (await PhoneGotAsync(run)).Distinct(StringComparer.Ordinal).Count());
    }

    [SkippableFact]
    public async Task A_server_killed_while_sending_loses_no_message_and_the_phone_gets_each_once()
    {
        cluster.SkipUnlessRunning();
        var run = Guid.NewGuid().ToString("N")[..8];

        var keys = await QueueAsync(run);
        await cluster.KillAsync(3);
        try
        {
            await WaitUntilSentAsync(run);

            // A message the killed server had sent but not marked is sent again with the same localid, which the
            // operator drops (Kavenegar's documented localid): the phone still gets one text.
            var sends = await SendCallsAsync();
            Assert.All(keys, key => Assert.InRange(sends.GetValueOrDefault(LocalId(key)), 1, 2));
            var got = await PhoneGotAsync(run);
            Assert.Equal(Messages, got.Count);
            Assert.Equal(Messages, got.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            await cluster.RestartAsync(3);
        }
    }

    /// <summary>Queues status texts as the portal's Notifier does, straight into the shared outbox; returns their keys.</summary>
    private async Task<List<string>> QueueAsync(string run)
    {
        var created = new DateTime(DateTime.UtcNow.Ticks / 10 * 10, DateTimeKind.Utc); // PostgreSQL keeps microseconds
        var keys = new List<string>();
        for (var i = 0; i < Messages; i++)
        {
            var id = await cluster.QueryAsync(
                "INSERT INTO \"Outbox\" (\"Channel\", \"Recipient\", \"Body\", \"CreatedAtUtc\", \"NextAttemptAtUtc\", \"Attempts\", \"Delivery\") "
                + "VALUES ('Sms', '09121234567', @body, @at, @at, 0, 'Unknown') RETURNING \"Id\"",
                reader => reader.Read() ? reader.GetInt64(0) : 0,
                ("body", $"پیام آزمایشی خوشه {run} شماره {i.ToString(CultureInfo.InvariantCulture)}"), ("at", created));
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"outbox-{id}-{created.Ticks}")); // IdempotencyKeys.Outbox
        }

        return keys;
    }

    private Task WaitUntilSentAsync(string run) => Poll.UntilAsync(
        async () => await cluster.QueryAsync(
            "SELECT count(*) FROM \"Outbox\" WHERE \"Body\" LIKE @run AND \"SentAtUtc\" IS NOT NULL",
            reader => reader.Read() ? reader.GetInt64(0) : 0, ("run", $"%{run}%")) == Messages,
        "every message marked sent",
        TimeSpan.FromSeconds(90));

    /// <summary>How many send calls the fake operator had for each localid.</summary>
    private async Task<Dictionary<string, int>> SendCallsAsync()
    {
        using var fakes = new HttpClient { BaseAddress = cluster.Fakes };
        return JsonSerializer.Deserialize<Dictionary<string, int>>(await fakes.GetStringAsync("/kavenegar/sends"))!;
    }

    /// <summary>The texts of this run the operator passed on to the phone (a repeated localid is not passed on again).</summary>
    private async Task<List<string>> PhoneGotAsync(string run)
    {
        using var fakes = new HttpClient { BaseAddress = cluster.Fakes };
        return JsonSerializer.Deserialize<List<JsonElement>>(await fakes.GetStringAsync("/kavenegar/sent"))!
            .Select(message => message.GetProperty("text").GetString()!)
            .Where(text => text.Contains(run, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The localid the portal gives Kavenegar for an outbox key (KavenegarSmsSender.LocalId).</summary>
    private static string LocalId(string idempotencyKey)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey));
        return (BitConverter.ToUInt64(hash, 0) % 1_000_000_000_000_000_000UL).ToString("D18", CultureInfo.InvariantCulture);
    }
}
