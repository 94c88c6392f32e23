using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.ReferenceData;

/// <summary>A country or territory of ISO 3166-1, with the Network region it is reported under.</summary>
public sealed class Country
{
    public const int NameMaxLength = 200;

    private Country()
    {
        Alpha3 = Alpha2 = Name = string.Empty;
    }

    public Country(string alpha3, string alpha2, string name, Region? region)
    {
        Alpha3 = Code(alpha3, 3, nameof(alpha3));
        Alpha2 = Code(alpha2, 2, nameof(alpha2));
        Name = Text.Required(name, "name", NameMaxLength);
        Region = region;
    }

    /// <summary>ISO 3166-1 alpha-3 code, the key used everywhere in the fund.</summary>
    public string Alpha3 { get; private set; }
    public string Alpha2 { get; private set; }
    public string Name { get; private set; }

    /// <summary>The Network region; empty only for uninhabited territories until the FMU sets one.</summary>
    public Region? Region { get; private set; }

    public void Change(string name, Region region)
    {
        if (!Enum.IsDefined(region)) throw new InvalidChangeException("region", "Unknown region.");
        Name = Text.Required(name, "name", NameMaxLength);
        Region = region;
    }

    private static string Code(string value, int length, string field) =>
        value.Length == length && value.All(char.IsAsciiLetterUpper)
            ? value
            : throw new ArgumentException($"An ISO 3166-1 {field} code is {length} upper-case letters.", field);
}
