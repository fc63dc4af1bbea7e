using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace CertificateInquiry.UnitTests.Architecture;

/// <summary>
/// Dependencies point one way: <c>Domain</c> ← <c>Features</c> → <c>Infrastructure</c> (and <c>Data</c>). The
/// composition root (<c>Program</c> and <c>Startup</c>) is the one place that may reference everything.
/// </summary>
public class DependencyDirectionTests
{
    private const string Web = "CertificateInquiry.Web";
    private const string Domain = Web + ".Domain";
    private const string Data = Web + ".Data";
    private const string Features = Web + ".Features";
    private const string Infrastructure = Web + ".Infrastructure";

    private static readonly Assembly Portal = typeof(Program).Assembly;

    [Theory]
    [InlineData(Domain, new[] { Features, Infrastructure, Data })]
    [InlineData(Infrastructure, new[] { Features })]
    [InlineData(Data, new[] { Features })]
    public void A_lower_layer_does_not_reference_the_layers_above_it(string layer, string[] above)
    {
        var types = Types.InAssembly(Portal).That().ResideInNamespace(layer);
        Assert.NotEmpty(types.GetTypes());

        var result = types.ShouldNot().HaveDependencyOnAny(above).GetResult();

        Assert.True(result.IsSuccessful, Offenders($"{layer} must not reference {string.Join(" or ", above)}, but these types do:", result));
    }

    [Fact]
    public void Controllers_live_only_under_features()
    {
        var controllers = Types.InAssembly(Portal).That().Inherit(typeof(ControllerBase));
        Assert.NotEmpty(controllers.GetTypes());

        var result = controllers.Should().ResideInNamespace(Features).GetResult();

        Assert.True(result.IsSuccessful, Offenders($"Controllers belong under {Features}, but these live elsewhere:", result));
    }

    [Fact]
    public void Requests_use_the_shared_inquiry_pieces_not_the_lookup_feature()
    {
        var requests = Types.InAssembly(Portal).That().ResideInNamespace(Features + ".Requests");
        Assert.NotEmpty(requests.GetTypes());

        var result = requests.ShouldNot().HaveDependencyOn(Features + ".CertificateLookup").GetResult();

        Assert.True(result.IsSuccessful, Offenders("Requests must not reach into CertificateLookup (shared pieces live in Features/Shared), but these types do:", result));
    }

    private static string Offenders(string rule, TestResult result) =>
        rule + Environment.NewLine + string.Join(
            Environment.NewLine,
            (result.FailingTypeNames ?? []).Select(name => "  " + name).Distinct().Order(StringComparer.Ordinal));
}
