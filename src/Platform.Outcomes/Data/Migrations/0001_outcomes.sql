-- The indicator catalogue: every indicator the funding rules name, each with versioned definitions. A result
-- always names the definition version it was computed with. The catalogue is public reference data kept by
-- platform administrators; it carries no tenant's data, so it has no row-level security.
CREATE TABLE indicators (
    code         text PRIMARY KEY,
    family       text NOT NULL,
    name         text NOT NULL,
    source       text NOT NULL
);

CREATE TABLE indicator_definitions (
    code            text NOT NULL REFERENCES indicators (code),
    version         integer NOT NULL CHECK (version >= 1),
    valid_from      date NOT NULL,
    unit            text NOT NULL CHECK (unit IN ('share', 'days', 'count', 'score', 'rate')),
    statistic       text NOT NULL CHECK (statistic IN ('share', 'mean', 'median', 'each-case', 'count')),
    numerator       text NOT NULL,
    denominator     text,
    counts_clients  text NOT NULL,
    day_type        text CHECK (day_type IN ('calendar', 'working')),
    reading         text CHECK (reading IN ('any-domain-improves-or-stable', 'no-domain-declines')),
    minimum_measurements integer NOT NULL DEFAULT 1,
    PRIMARY KEY (code, version)
);

INSERT INTO indicators (code, family, name, source) VALUES
    ('zrm-improved-or-stable',       'zrm',          'Zelfredzaamheid: ZRM improves or stabilises on one or more domains', 'A1, A6, ZRM 2017'),
    ('zrm-no-domain-declines',       'zrm',          'Zelfredzaamheid: no ZRM domain declines', 'A1 (strict reading), ZRM 2017'),
    ('ladder-more-active-or-stable', 'ladder',       'Participatieladder: rung up or equal', 'A2, A8, Participatieladder'),
    ('reopened-dossiers',            'relapse',      'Terugval: reopened dossiers against all clients since a start year', 'A3, A7'),
    ('client-satisfaction',          'survey',       'Klanttevredenheid van cliënten', 'U7, A4, A14, E2'),
    ('stakeholder-satisfaction',     'survey',       'Tevredenheid van stakeholders en samenwerkingspartners', 'U11, A5, A15'),
    ('waiting-time-days',            'waiting-time', 'Wachttijd: days to the start of support', 'U1, A11'),
    ('reach',                        'reach',        'Bereik: share of the population reached', 'U2, NJi 1'),
    ('inflow',                       'flow',         'Instroom: cases started', 'U3'),
    ('outflow',                      'flow',         'Uitstroom: cases ended', 'U3'),
    ('referrals-supplementary-care', 'flow',         'Doorverwijzingen naar aanvullende zorg', 'U4, A9'),
    ('goal-attainment',              'survey',       'Doelbereik: agreed goals realised', 'U5, NJi 3.4'),
    ('youth-dropout',                'youth',        'Jeugd: uitval', 'NJi 1'),
    ('youth-usefulness',             'youth',        'Jeugd: cliënttevredenheid over het nut van de hulp', 'NJi 2'),
    ('youth-continues-without-help', 'youth',        'Jeugd: gaat verder zonder hulp', 'NJi 3.1'),
    ('youth-no-new-start',           'youth',        'Jeugd: geen herhaald beroep na afsluiting', 'NJi 3.2'),
    ('youth-problems-reduced',       'youth',        'Jeugd: problemen verminderd, zelfredzaamheid of participatie toegenomen', 'NJi 3.3'),
    ('wmo-client-experience',        'survey',       'Cliëntervaringsonderzoek Wmo (CEO), standard set of 10 questions', 'CEO Wmo'),
    ('social-return',                'social-return','Social return: share of the contract value', 'U12, A13'),
    ('home-clean-and-liveable',      'assessment',   'Schoon en leefbaar huis', 'E1');

INSERT INTO indicator_definitions
    (code, version, valid_from, unit, statistic, numerator, denominator, counts_clients, day_type, reading, minimum_measurements) VALUES
    ('zrm-improved-or-stable', 1, '2015-01-01', 'share', 'share', 'clients whose score on at least one of the 13 domains rose or stayed equal', 'clients with two measurements', 'clients with at least two ZRM measurements in the period', NULL, 'any-domain-improves-or-stable', 2),
    ('zrm-no-domain-declines', 1, '2015-01-01', 'share', 'share', 'clients with no domain lower at the last measurement than at the first', 'clients with two measurements', 'clients with at least two ZRM measurements in the period', NULL, 'no-domain-declines', 2),
    ('ladder-more-active-or-stable', 1, '2015-01-01', 'share', 'share', 'clients whose rung rose or stayed equal', 'clients with two rungs', 'clients with at least two ladder measurements in the period', NULL, NULL, 2),
    ('reopened-dossiers', 1, '2015-01-01', 'share', 'share', 'dossiers reopened since the start year', 'clients since the start year', 'every client with a case started since 1 January 2015', NULL, NULL, 1),
    ('client-satisfaction', 1, '2015-01-01', 'score', 'mean', 'sum of the grades given', 'respondents', 'respondents of the period', NULL, NULL, 1),
    ('stakeholder-satisfaction', 1, '2015-01-01', 'score', 'mean', 'sum of the grades given', 'respondents', 'respondents of the period', NULL, NULL, 1),
    ('waiting-time-days', 1, '2015-01-01', 'days', 'each-case', 'cases started within the norm', 'cases started', 'cases started in the period', 'calendar', NULL, 1),
    ('reach', 1, '2015-01-01', 'share', 'share', 'residents with a case in the period', 'residents of the area', 'every resident of the population', NULL, NULL, 1),
    ('inflow', 1, '2015-01-01', 'count', 'count', 'cases started', NULL, 'cases started in the period', NULL, NULL, 1),
    ('outflow', 1, '2015-01-01', 'count', 'count', 'cases ended', NULL, 'cases ended in the period', NULL, NULL, 1),
    ('referrals-supplementary-care', 1, '2015-01-01', 'count', 'count', 'referrals to supplementary care', NULL, 'cases of the period', NULL, NULL, 1),
    ('goal-attainment', 1, '2015-01-01', 'share', 'share', 'ended cases whose agreed goals were realised', 'ended cases', 'cases ended in the period', NULL, NULL, 1),
    ('youth-dropout', 1, '2015-01-01', 'share', 'share', 'cases ended one-sidedly', 'ended cases', 'youth cases ended in the period', NULL, NULL, 1),
    ('youth-usefulness', 1, '2015-01-01', 'share', 'share', 'respondents who found the help useful', 'respondents', 'respondents of the period', NULL, NULL, 1),
    ('youth-continues-without-help', 1, '2015-01-01', 'share', 'share', 'cases ended without follow-up help', 'ended cases', 'youth cases ended in the period', NULL, NULL, 1),
    ('youth-no-new-start', 1, '2015-01-01', 'share', 'share', 'ended cases without a new start within a year', 'ended cases', 'youth cases ended a year before the period', NULL, NULL, 1),
    ('youth-problems-reduced', 1, '2015-01-01', 'share', 'share', 'cases whose problems reduced', 'ended cases', 'individual non-free-access youth cases ended in the period', NULL, NULL, 1),
    ('wmo-client-experience', 1, '2016-01-01', 'share', 'share', 'respondents agreeing', 'respondents', 'respondents of the yearly survey', NULL, NULL, 1),
    ('social-return', 1, '2015-01-01', 'share', 'share', 'contract value spent on social return', 'contract value', 'the contract', NULL, NULL, 1),
    ('home-clean-and-liveable', 1, '2013-01-01', 'share', 'share', 'homes assessed clean and liveable', 'homes visited', 'visits by the independent party in the half-year', NULL, NULL, 1);

-- The contracts outcomes knows of, kept from the contracts service's events: which providers are party to which
-- contract, and the result agreements it measures. A tenant's data, under row-level security.
CREATE TABLE contracts (
    contract_id     uuid PRIMARY KEY,
    municipality    text NOT NULL,
    name            text NOT NULL,
    provider_ids    text[] NOT NULL,
    population_ids  uuid[] NOT NULL,
    starts_on       date NOT NULL,
    ends_on         date NOT NULL,
    status          text NOT NULL,
    version         integer NOT NULL
);

CREATE TABLE result_agreements (
    agreement_id     uuid PRIMARY KEY,
    contract_id      uuid NOT NULL REFERENCES contracts (contract_id) ON DELETE CASCADE,
    municipality     text NOT NULL,
    indicator_code   text NOT NULL,
    comparison       text NOT NULL CHECK (comparison IN ('at-least', 'at-most')),
    norm             numeric NOT NULL,
    period           text NOT NULL CHECK (period IN ('quarter', 'year')),
    incentive        text NOT NULL,
    incentive_amount numeric
);

ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contracts FORCE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON contracts FOR SELECT
    USING (municipality = platform.current_municipality() OR platform.current_provider() = ANY (provider_ids));
CREATE POLICY own_municipality_write ON contracts FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE result_agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE result_agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON result_agreements FOR SELECT
    USING (municipality = platform.current_municipality());
CREATE POLICY own_municipality_write ON result_agreements FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());
