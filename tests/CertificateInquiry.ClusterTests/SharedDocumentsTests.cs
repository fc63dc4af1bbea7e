using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CertificateInquiry.ClusterTests;

/// <summary>
/// An applicant's request goes through whichever server the load balancer picks at each step; the documents they
/// upload through one are kept in the shared folder (<c>Uploads:Folder</c>), and staff open them through another.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class SharedDocumentsTests(Cluster cluster)
{
    private const string Address = "192.0.2.60";
    private const string StaffPassword = "isfahan expert passphrase";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9,
    ];

    [SkippableFact]
    public async Task A_document_uploaded_through_one_server_is_opened_by_staff_through_another()
    {
        cluster.SkipUnlessRunning();
        var cookies = new CookieContainer();
        var servers = Enumerable.Range(1, Cluster.Servers).Select(n => cluster.OnServer(n, Address, cookies)).ToArray();
        var mobile = "0913" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

        // The applicant's steps, each on another server than the one before.
        await ExpectRedirectAsync(Pages.PostFormAsync(servers[0], "/requests/new", "/requests/new"), "/requests/form/applicant");
        await ExpectRedirectAsync(Pages.PostFormAsync(servers[1], "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0084575948"), ("FirstName", "حسین"), ("LastName", "محمدی"),
            ("FatherName", "رضا"), ("BirthDate", "1362/07/01"), ("Gender", "Male"), ("Mobile", mobile), ("Email", "")), "/requests/form/mobile");
        var code = await CodeSentToAsync(mobile);
        await ExpectRedirectAsync(Pages.PostFormAsync(servers[2], "/requests/form/mobile", "/requests/form/mobile", ("Code", code)), "/requests/form/certificate");
        await ExpectRedirectAsync(Pages.PostFormAsync(servers[0], "/requests/form/certificate", "/requests/form/certificate",
            ("Trade", "جوشکاری برق"), ("ExamYear", "1381"), ("ProvinceId", "4"), ("TrainingCenter", "مرکز شماره ۳ اصفهان"), ("CertificateNumber", "")), "/requests/form/documents");

        // Uploaded through server 2.
        await ExpectRedirectAsync(UploadAsync(servers[1], ("NationalCard", "card.jpg", Jpeg), ("BirthCertificate", "birth.pdf", Pdf),
            ("EducationDegree", "degree.pdf", Pdf), ("MilitaryService", "military.pdf", Pdf)), "/requests/form/review");

        // Paid at the fake bank, the bank's page sending the browser back to server 1.
        var review = await Pages.GetAsync(servers[2], "/requests/form/review");
        var pay = review.QuerySelectorAll("a").Select(link => link.GetAttribute("href") ?? "").First(href => PayAction().IsMatch(href));
        var requestId = long.Parse(PayAction().Match(pay).Groups[1].Value, CultureInfo.InvariantCulture);
        await PayAsync(servers[2], servers[0], pay, requestId);

        // A member of staff of Isfahan signs in on server 3 and opens each document there and on server 1.
        await SignInStaffAsync(servers[2]);
        var documents = await cluster.QueryAsync(
            "SELECT \"Id\", \"OriginalName\" FROM \"RequestDocuments\" WHERE \"RequestId\" = @id",
            reader => { var found = new List<(long, string)>(); while (reader.Read()) { found.Add((reader.GetInt64(0), reader.GetString(1))); } return found; },
            ("id", requestId));
        Assert.Equal(4, documents.Count);
        foreach (var (documentId, name) in documents)
        {
            foreach (var server in new[] { servers[2], servers[0] })
            {
                using var opened = await server.GetAsync($"/admin/requests/{requestId}/documents/{documentId}");
                Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
                Assert.Equal(name.EndsWith(".jpg", StringComparison.Ordinal) ? Jpeg : Pdf, await opened.Content.ReadAsByteArrayAsync());
            }
        }
    }

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> sending, string to)
    {
        using var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(to, new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    private async Task<string> CodeSentToAsync(string mobile)
    {
        using var fakes = new HttpClient { BaseAddress = cluster.Fakes };
        return await Poll.UntilAsync(
            async () => JsonSerializer.Deserialize<List<JsonElement>>(await fakes.GetStringAsync("/kavenegar/sent"))!
                .Where(message => message.GetProperty("receptor").GetString() == mobile && message.GetProperty("token").ValueKind == JsonValueKind.String)
                .Select(message => message.GetProperty("token").GetString())
                .FirstOrDefault(),
            "the confirmation code's SMS");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Field, string FileName, byte[] Content)[] files)
    {
        var page = await Pages.GetAsync(client, "/requests/form/documents");
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }

        return await client.PostAsync("/requests/form/documents", content);
    }

    /// <summary>Starts the payment on one server and comes back from the fake bank (Sep's documented pages) to another.</summary>
    private async Task PayAsync(HttpClient from, HttpClient backTo, string payAction, long requestId)
    {
        using var started = await Pages.PostFormAsync(from, payAction, payAction);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        using var bank = new HttpClient();
        var bankPage = await Pages.ReadAsync(await bank.GetAsync(started.Headers.Location));
        var bankForm = bankPage.QuerySelector("form[method='post']")!;
        var decided = await bank.PostAsync(new Uri(cluster.Fakes, bankForm.GetAttribute("action")), new FormUrlEncodedContent(
            bankForm.QuerySelectorAll("input[type='hidden']").Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
                .Append(KeyValuePair.Create("decision", "pay"))));
        var callback = (await Pages.ReadAsync(decided)).QuerySelector("form[method='post']")!;
        using var back = await backTo.PostAsync(new Uri(callback.GetAttribute("action")!).PathAndQuery, new FormUrlEncodedContent(
            callback.QuerySelectorAll("input[type='hidden']").Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/requests/{requestId}/submitted", new Uri(new Uri("http://localhost"), back.Headers.Location!).AbsolutePath);
    }

    private async Task SignInStaffAsync(HttpClient server)
    {
        var email = $"isfahan.cluster.{Guid.NewGuid():N}@tvto.example";
        var created = await cluster.CommandAsync("create-user", "--email", email, "--password", "one-time pass 4711", "--role", "ProvincialExpert", "--province", "اصفهان");
        Assert.True(created.ExitCode == 0, created.Errors);
        await ExpectRedirectAsync(Pages.PostFormAsync(server, "/admin/sign-in", "/admin/sign-in", ("Email", email), ("Password", "one-time pass 4711")), "/admin/account/password");
        await ExpectRedirectAsync(Pages.PostFormAsync(server, "/admin/account/password", "/admin/account/password",
            ("CurrentPassword", "one-time pass 4711"), ("NewPassword", StaffPassword), ("ConfirmPassword", StaffPassword)), "/admin/account/password");
    }

    [GeneratedRegex(@"^/requests/(\d+)/pay$")]
    private static partial Regex PayAction();
}
