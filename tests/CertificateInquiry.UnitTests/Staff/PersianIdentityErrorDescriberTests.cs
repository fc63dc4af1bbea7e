using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.UnitTests.Staff;

public sealed class PersianIdentityErrorDescriberTests
{
    [Fact]
    public void Every_message_is_persian_and_keeps_identitys_code()
    {
        var describer = new PersianIdentityErrorDescriber();
        var english = new IdentityErrorDescriber();
        var methods = typeof(IdentityErrorDescriber).GetMethods()
            .Where(m => m.ReturnType == typeof(IdentityError) && m.IsVirtual)
            .ToList();

        Assert.True(methods.Count >= 20);
        foreach (var method in methods)
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)10 : "x").ToArray();
            var persian = (IdentityError)method.Invoke(describer, arguments)!;
            var original = (IdentityError)method.Invoke(english, arguments)!;

            Assert.Equal(original.Code, persian.Code);
            Assert.True(persian.Description.Any(c => c is >= '\u0600' and <= '\u06FF'), $"{method.Name}: {persian.Description}");
        }
    }

    [Fact]
    public void The_length_rule_is_said_with_persian_digits()
    {
        Assert.Equal("گذرواژه باید دست‌کم ۱۰ نویسه باشد.", new PersianIdentityErrorDescriber().PasswordTooShort(10).Description);
    }
}
