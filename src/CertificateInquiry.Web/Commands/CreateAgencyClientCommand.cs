using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Commands;

/// <summary>
/// <c>create-agency-client</c>: registers an agency for the inquiry API and prints exactly one JSON object on standard
/// output, <c>{"client_id": "…", "client_secret": "…"}</c>, for the operator's scripts; everything else goes to standard
/// error. Exit code 2 for a usage error, 1 when the agency cannot be registered, 0 when it was. The secret is shown
/// this once and stored only as a hash.
/// </summary>
public sealed class CreateAgencyClientCommand : Command
{
    public const int MaxQuota = AgencyRules.MaxDailyRowQuota;

    private readonly Option<string> name = CommandOptions.Required("--name", "the agency's name, in Persian");
    private readonly Option<string> kind = CommandOptions.Required("--kind", "Government or Business");
    private readonly Option<string> scopes = CommandOptions.Required("--scopes", "comma-separated: inquiry.verify, inquiry.person, batch");
    private readonly Option<string> quota = CommandOptions.Required("--quota", "inquiry rows allowed per day (Iran time)");
    private readonly Option<string> expires = CommandOptions.Optional("--expires", "the last day the credentials work, Jalali (e.g. 1406/01/01)");
    private readonly Option<string> contactName = CommandOptions.Optional("--contact-name", "the agency's contact person");
    private readonly Option<string> contactEmail = CommandOptions.Optional("--contact-email", "the contact's e-mail address");
    private readonly Option<string> contactPhone = CommandOptions.Optional("--contact-phone", "the contact's telephone number");

    public CreateAgencyClientCommand()
        : base("create-agency-client", "Register an agency for the inquiry API; prints {\"client_id\", \"client_secret\"} as JSON (the secret is shown only this once).")
    {
        Options.Add(name);
        Options.Add(kind);
        Options.Add(scopes);
        Options.Add(quota);
        Options.Add(expires);
        Options.Add(contactName);
        Options.Add(contactEmail);
        Options.Add(contactPhone);
        Validators.Add(Check);
    }

    /// <summary>The agency a parsed (and checked) command line asks for.</summary>
    public NewAgency Read(ParseResult parsed)
    {
        JalaliDate.TryParse(PersianText.NormalizeDigits(parsed.GetValue(expires)), out var expiry);
        return new NewAgency(
            PersianText.Normalize(parsed.GetRequiredValue(name)),
            Enum.Parse<AgencyKind>(parsed.GetRequiredValue(kind), ignoreCase: true),
            AgencyScopeNames.Parse(parsed.GetRequiredValue(scopes))!.Value,
            int.Parse(PersianText.NormalizeDigits(parsed.GetRequiredValue(quota)), NumberStyles.None, CultureInfo.InvariantCulture),
            parsed.GetValue(expires) is null ? null : expiry,
            PersianText.Normalize(parsed.GetValue(contactName)),
            (parsed.GetValue(contactEmail) ?? "").Trim(),
            PersianText.NormalizeDigits(parsed.GetValue(contactPhone)));
    }

    private void Check(CommandResult result)
    {
        if (result.GetValue(name) is { } agencyName && AgencyRules.NameError(PersianText.Normalize(agencyName)) is { } nameError)
        {
            result.AddError(nameError + " | --name must be 2 to 200 letters.");
        }

        if (result.GetValue(kind) is { } agencyKind && (!agencyKind.All(char.IsAsciiLetter) || !Enum.TryParse<AgencyKind>(agencyKind, ignoreCase: true, out _)))
        {
            result.AddError("نوع دستگاه باید Government یا Business باشد. | --kind must be Government or Business.");
        }

        if (result.GetValue(scopes) is { } scopeNames && AgencyScopeNames.Parse(scopeNames) is null or AgencyScopes.None)
        {
            result.AddError("دسترسی‌ها باید از inquiry.verify، inquiry.person و batch باشند. | --scopes must be a comma-separated list of inquiry.verify, inquiry.person, batch.");
        }

        if (result.GetValue(quota) is { } rows
            && (!int.TryParse(PersianText.NormalizeDigits(rows), NumberStyles.None, CultureInfo.InvariantCulture, out var perDay) || perDay is < 1 or > MaxQuota))
        {
            result.AddError($"سهمیه روزانه باید عددی از ۱ تا {PersianText.ToPersianDigits(MaxQuota)} باشد. | --quota must be a whole number from 1 to {MaxQuota.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (result.GetValue(expires) is { } day && !JalaliDate.TryParse(PersianText.NormalizeDigits(day), out _))
        {
            result.AddError("تاریخ پایان باید تاریخ شمسی به شکل ۱۴۰۶/۰۱/۰۱ باشد. | --expires must be a Jalali date such as 1406/01/01.");
        }
    }

    public static async Task<int> RunAsync(
        AgencyRegistry registry, TimeProvider clock, NewAgency agency, TextWriter output, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        if (agency.ExpiresOn is { } expiry && expiry < IranTime.Today(clock))
        {
            await errorOutput.WriteLineAsync("تاریخ پایان گذشته است؛ دستگاه ساخته نشد. | --expires is in the past: the agency was not registered.");
            return 1;
        }

        var issued = await registry.RegisterAsync(agency, cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["client_id"] = issued.ClientId,
            ["client_secret"] = issued.ClientSecret,
        }));
        await errorOutput.WriteLineAsync(
            $"دستگاه «{agency.Name}» ثبت شد. رمز را همین حالا نگه دارید؛ دوباره نمایش داده نمی‌شود. | Agency {issued.AgencyId} registered; keep the secret now, it is not shown again.");
        return 0;
    }
}
