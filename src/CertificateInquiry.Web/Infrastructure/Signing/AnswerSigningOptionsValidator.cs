using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// Checked at start-up: Production refuses to start without configured keys (a generated key would sign answers that
/// no agency could trust after the next server replacement); configured keys must load, in any environment, with
/// exactly one current.
/// </summary>
public sealed class AnswerSigningOptionsValidator(IHostEnvironment environment) : IValidateOptions<AnswerSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswerSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys.Count == 0)
        {
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail(
                    "AnswerSigning:Keys is empty: Production signs answers only with configured keys. Set AnswerSigning:Keys:0:Path " +
                    "to the current key's PEM or PKCS#12 file and AnswerSigning:Keys:0:Status to Current (see README, Signed answers).")
                : ValidateOptionsResult.Success;
        }

        try
        {
            AnswerKeyRing.Load(options.Keys, environment.ContentRootPath).Dispose();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
