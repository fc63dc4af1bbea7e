using System.Reflection;
using CertificateInquiry.Web.Infrastructure.Notifications;

namespace CertificateInquiry.UnitTests.Notifications;

/// <summary>
/// Every way the portal can send an SMS, named: a class that takes the SMS sender or the notifier (which writes SMS
/// into the outbox) must be on this list, so a new path is seen and capped before it ships (ADR-015 says how each is).
/// </summary>
public sealed class SmsPathsTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Only_the_known_paths_can_send_an_sms()
    {
        static bool Takes(MethodBase method) =>
            method.GetParameters().Any(p => p.ParameterType == typeof(ISmsSender) || p.ParameterType == typeof(Notifier));

        var paths = typeof(Notifier).Assembly.GetTypes()
            .Where(type => type != typeof(Notifier)
                && (type.GetConstructors(Everything).Any(Takes) || type.GetMethods(Everything).Any(Takes)))
            .Select(type => type.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                "AnswerApproval",           // the answer through the outbox: once, when a manager approves it
                "PhoneVerificationService", // one-time codes (request form and holders' sign-in): per request or sign-in and number, numbers per request, codes per number an hour, per address + CAPTCHA
                "RequestCaseActions",       // status messages through the outbox: staff actions, one per status change
                "RequestPayments",          // the submission message through the outbox: once per paid request
                "TrackingController",       // more documents sent by the applicant: once per staff request for them
            ],
            paths);
    }
}
