namespace CertificateInquiry.ClusterTests;

/// <summary>One cluster for every test class: three portals take a minute to start on two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<Cluster>
{
    public const string Name = "cluster";
}
