using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CertificateInquiry.ClusterTests;

/// <summary>
/// An agency batch is answered by whichever server claims it; when that server is killed mid-batch, another claims it
/// once the lease (8 s here) has run out and goes on from the last committed chunk, so that every row gets exactly one result.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BatchTakeoverTests(Cluster cluster)
{
    private const int Rows = 12_000;

    [SkippableFact]
    public async Task A_batch_whose_server_is_killed_is_finished_by_another_with_exactly_one_result_per_row()
    {
        cluster.SkipUnlessRunning();
        using var api = cluster.ThroughProxy();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(api));

        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Csv());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "cluster.csv");
        upload.Add(new StringContent("judicial"), "purpose");
        upload.Add(new StringContent("پرونده ۱۴۰۵/۱۵"), "caseReference");
        upload.Add(new StringContent("officer-15"), "officerId");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/batches") { Content = upload };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var accepted = await api.SendAsync(request);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var batchId = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        // The server that claimed it is named in the lease (machine:process:random); it dies with chunks still to do.
        var (owner, processed) = await Poll.UntilAsync(
            () => cluster.QueryAsync("SELECT \"LeaseOwner\", \"Processed\" FROM \"AgencyBatches\" WHERE \"Id\" = @id",
                reader => reader.Read() && !reader.IsDBNull(0) ? (reader.GetString(0), reader.GetInt32(1)) : ("", 0), ("id", batchId)),
            state => state.Item2 > 0,
            "the batch started");
        Assert.True(processed < Rows, "the batch finished before its server could be killed; make it larger");
        var server = cluster.ServerOfProcess(int.Parse(owner.Split(':')[1], CultureInfo.InvariantCulture));
        Assert.NotEqual(0, server);
        await cluster.KillAsync(server);
        try
        {
            var status = await Poll.UntilAsync(
                () => cluster.QueryAsync("SELECT \"Status\", \"LeaseOwner\" FROM \"AgencyBatches\" WHERE \"Id\" = @id",
                    reader => reader.Read() ? reader.GetString(0) : "", ("id", batchId)),
                value => value is "Completed" or "Failed",
                "the batch finished by another server",
                TimeSpan.FromMinutes(3));
            Assert.Equal("Completed", status);

            var (rows, answered, distinct) = await cluster.QueryAsync(
                "SELECT count(*), count(*) FILTER (WHERE \"Processed\"), count(DISTINCT \"RowNumber\") FROM \"AgencyBatchRows\" WHERE \"BatchId\" = @id",
                reader => reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (0, 0, 0), ("id", batchId));
            Assert.Equal((Rows, Rows, Rows), (rows, answered, distinct));

            // The agency's results file, from any server: one line per row, each row id once.
            var results = await api.GetStringAsync($"/api/v1/batches/{batchId}/results");
            var ids = results.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(line => line.Split(',')[0]).ToList();
            Assert.Equal(Rows, ids.Count);
            Assert.Equal(Rows, ids.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            await cluster.RestartAsync(server);
        }
    }

    private async Task<string> TokenAsync(HttpClient api)
    {
        var created = await cluster.CommandAsync("create-agency-client", "--name", "دستگاه آزمایشی خوشه " + Guid.NewGuid().ToString("N")[..6],
            "--kind", "Government", "--scopes", "batch", "--quota", "1000000");
        Assert.True(created.ExitCode == 0, created.Errors);
        var credentials = JsonDocument.Parse(created.Output).RootElement;
        using var token = await api.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.GetProperty("client_id").GetString()!,
            ["client_secret"] = credentials.GetProperty("client_secret").GetString()!,
        }));
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Rows of real and made-up certificates; national codes with valid check digits so that every row is looked up.</summary>
    private static byte[] Csv()
    {
        var text = new StringBuilder("row_id,national_code,certificate_number,first_name,last_name\r\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"r{i},{NationalCode(100_000 + i)},1401-08-{i % 1000:D6},,\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string NationalCode(int serial)
    {
        var digits = serial.ToString("D9", CultureInfo.InvariantCulture);
        var sum = digits.Select((digit, index) => (digit - '0') * (10 - index)).Sum() % 11;
        return digits + (sum < 2 ? sum : 11 - sum).ToString(CultureInfo.InvariantCulture);
    }
}
