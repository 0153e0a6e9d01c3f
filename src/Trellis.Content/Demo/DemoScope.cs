using Trellis.Core.Program;

namespace Trellis.Content.Demo;

/// <summary>The demo company's ISMS scope (ISO/IEC 27001 4.3) and SOC 2 system description (DC 200).</summary>
internal static class DemoScope
{
    public static IReadOnlyList<string> TscCategories { get; } = ["security", "availability", "confidentiality"];

    public static ProgramScope Create() => new()
    {
        Isms = new IsmsScope
        {
            Statement = "The information security management system of Northwind Cloud Ltd covers the people, processes and "
                + "technology that design, build, operate and support the Northwind Invoicing platform, delivered as a service "
                + "from the Lisbon and Dublin offices and by remote staff, and hosted on Amazon Web Services in the eu-west-1 and "
                + "eu-central-1 regions, in accordance with the Statement of Applicability.",
            Boundaries =
            [
                "Organizational: all Northwind Cloud Ltd employees and contractors (engineering, operations, support, sales, G&A)",
                "Physical: the Lisbon head office and the Dublin sales office; remote workplaces under the remote working standard",
                "Technical: production, staging and corporate AWS accounts, the corporate Google Workspace and Okta tenants, and managed laptops",
            ],
            Exclusions =
            [
                "Northwind Labs Unipessoal Lda, a separate legal entity building research prototypes without customer data",
            ],
            Interfaces =
            [
                "Amazon Web Services: infrastructure as a service (data centres, compute, storage, network)",
                "Stripe: payment processing for subscription billing",
                "Google Workspace: e-mail, documents and calendars",
                "Customers' identity providers through SAML single sign-on",
            ],
        },
        System = new SystemDescription
        {
            Name = "Northwind Invoicing Platform",
            Services =
            [
                "Invoice creation, approval workflows and delivery for business customers",
                "Accounts-receivable dashboards and a public REST API",
            ],
            ServiceCommitments =
            [
                "99.9 % monthly availability of the web application and API (master subscription agreement, schedule 2)",
                "Customer data encrypted in transit and at rest, and kept in the European Union",
                "Security incidents affecting customer data notified within 48 hours",
                "Customer data deleted within 30 days of contract end",
            ],
            SystemRequirements =
            [
                "Access to customer data limited to authorized personnel with multi-factor authentication",
                "Recovery point objective of 15 minutes and recovery time objective of 4 hours",
                "Changes to production reviewed, tested and approved before deployment",
            ],
            Components = new SystemComponents
            {
                Infrastructure = ["AWS VPCs, EKS clusters, RDS PostgreSQL, S3 and CloudFront in eu-west-1 (primary) and eu-central-1 (recovery)"],
                Software = ["Northwind Invoicing web application and API (Kotlin, TypeScript)", "Terraform, GitHub Actions, Datadog, Okta"],
                People = ["About 140 employees: engineering, SRE, security, customer support, sales and administration"],
                Data = ["Customer invoices, customer contacts and end-customer billing details (confidential)", "System and audit logs"],
                Procedures = ["Engineering handbook runbooks, the change management procedure and the incident response plan"],
            },
            Subservices =
            [
                new SubserviceOrganization(
                    "Amazon Web Services",
                    "Data centre hosting, physical and environmental security, infrastructure services",
                    SubserviceMethod.CarveOut,
                    [
                        "AWS restricts physical access to data centres to authorized personnel",
                        "AWS protects data centres against environmental threats and maintains power and cooling",
                        "AWS securely destroys storage media before disposal",
                    ]),
                new SubserviceOrganization(
                    "Stripe",
                    "Payment card processing for subscription billing",
                    SubserviceMethod.CarveOut,
                    ["Stripe protects cardholder data under PCI DSS"]),
            ],
            UserEntityControls =
            [
                "Customers manage the users of their tenant and review their access regularly",
                "Customers enable single sign-on or multi-factor authentication for their users",
                "Customers notify Northwind promptly of suspected compromise of their accounts",
                "Customers ensure the data they upload is authorized and accurate",
            ],
        },
        TscCategories = TscCategories,
    };
}
