namespace TrustFundManager.Domain.ReferenceData;

/// <summary>The five regions the UN Network on Migration reports by.</summary>
public enum Region
{
    Africa,
    ArabStates,
    AsiaPacific,
    EuropeAndNorthAmerica,
    LatinAmericaAndCaribbean,
}
