using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.ReferenceData;

/// <summary>A UN organization that can take part in joint programmes or sit on the Steering Committee.</summary>
public sealed class Organization
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 300;
    public const int AcronymMaxLength = 40;

    private Organization()
    {
        Code = Name = Acronym = string.Empty;
    }

    public Organization(string code, string acronym, string name, bool isNetworkMember, bool isActive = true)
    {
        Code = NormalizeCode(code) ?? throw new InvalidChangeException("code",
            $"An organization code is 1 to {CodeMaxLength} letters or digits.");
        Acronym = Name = string.Empty;
        Change(acronym, name, isNetworkMember, isActive);
    }

    /// <summary>The code in its stored form (upper case), or null when it is not letters and digits.</summary>
    public static string? NormalizeCode(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= CodeMaxLength } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }

    /// <summary>Stable key, upper-case letters and digits (IOM, UNWOMEN, UNHABITAT).</summary>
    public string Code { get; private set; }

    /// <summary>How the organization writes its own name short (UN Women, UN-Habitat).</summary>
    public string Acronym { get; private set; }
    public string Name { get; private set; }

    /// <summary>Member of the UN Network on Migration.</summary>
    public bool IsNetworkMember { get; private set; }

    /// <summary>Inactive organizations stay on record but are no longer offered for new concept notes.</summary>
    public bool IsActive { get; private set; }

    public void Change(string acronym, string name, bool isNetworkMember, bool isActive)
    {
        Acronym = Text.Required(acronym, "acronym", AcronymMaxLength);
        Name = Text.Required(name, "name", NameMaxLength);
        IsNetworkMember = isNetworkMember;
        IsActive = isActive;
    }
}
