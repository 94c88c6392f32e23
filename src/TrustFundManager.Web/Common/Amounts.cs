using System.Globalization;

namespace TrustFundManager.Web.Common;

/// <summary>Amounts as the pages show them: to the cent, grouped by the user's culture, always with their currency.</summary>
public static class Amounts
{
    public static string Format(decimal amount, string currency) =>
        amount.ToString("N2", CultureInfo.CurrentCulture) + " " + currency;

    public static string Usd(decimal amount) => Format(amount, "USD");
}
