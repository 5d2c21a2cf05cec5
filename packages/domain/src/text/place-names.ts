// Finnish place names that have an official Swedish form (and the reverse): a Swedish page
// says "06100 Borgå", a Finnish one "06100 Porvoo", whichever the building was entered with.
// The bilingual municipalities, and the larger towns whose Swedish names are in common
// official use (Institute for the Languages of Finland, Kotus, name recommendations).
// Other languages keep the name as entered: there is no official form to prefer.

/** [Finnish, Swedish]. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['Espoo', 'Esbo'],
  ['Hamina', 'Fredrikshamn'],
  ['Hanko', 'Hangö'],
  ['Helsinki', 'Helsingfors'],
  ['Hyvinkää', 'Hyvinge'],
  ['Hämeenlinna', 'Tavastehus'],
  ['Inkoo', 'Ingå'],
  ['Kaarina', 'S:t Karins'],
  ['Kajaani', 'Kajana'],
  ['Kaskinen', 'Kaskö'],
  ['Kauniainen', 'Grankulla'],
  ['Kemiönsaari', 'Kimitoön'],
  ['Kerava', 'Kervo'],
  ['Kirkkonummi', 'Kyrkslätt'],
  ['Kokkola', 'Karleby'],
  ['Kristiinankaupunki', 'Kristinestad'],
  ['Kruunupyy', 'Kronoby'],
  ['Lahti', 'Lahtis'],
  ['Lapinjärvi', 'Lappträsk'],
  ['Lappeenranta', 'Villmanstrand'],
  ['Lohja', 'Lojo'],
  ['Loviisa', 'Lovisa'],
  ['Luoto', 'Larsmo'],
  ['Maalahti', 'Malax'],
  ['Mikkeli', 'S:t Michel'],
  ['Mustasaari', 'Korsholm'],
  ['Myrskylä', 'Mörskom'],
  ['Naantali', 'Nådendal'],
  ['Närpiö', 'Närpes'],
  ['Oulu', 'Uleåborg'],
  ['Parainen', 'Pargas'],
  ['Pedersören kunta', 'Pedersöre'],
  ['Pietarsaari', 'Jakobstad'],
  ['Pori', 'Björneborg'],
  ['Porvoo', 'Borgå'],
  ['Raahe', 'Brahestad'],
  ['Raasepori', 'Raseborg'],
  ['Rauma', 'Raumo'],
  ['Savonlinna', 'Nyslott'],
  ['Sipoo', 'Sibbo'],
  ['Tampere', 'Tammerfors'],
  ['Tammisaari', 'Ekenäs'],
  ['Turku', 'Åbo'],
  ['Tuusula', 'Tusby'],
  ['Uusikaarlepyy', 'Nykarleby'],
  ['Uusikaupunki', 'Nystad'],
  ['Vaasa', 'Vasa'],
  ['Vantaa', 'Vanda'],
  ['Vöyri', 'Vörå'],
];

const key = (name: string) => name.trim().toLocaleLowerCase('sv');
const BY_NAME = new Map<string, readonly [string, string]>(
  PAIRS.flatMap((pair) => [
    [key(pair[0]), pair],
    [key(pair[1]), pair],
  ]),
);

/**
 * A place name in the reader's official language where Finland has one: Swedish for `sv`,
 * Finnish for `fi`; any other language, or a name without a pair, as given.
 */
export function placeName(name: string, lang: string): string {
  const pair = BY_NAME.get(key(name));
  if (!pair) return name;
  if (lang === 'fi') return pair[0];
  if (lang === 'sv') return pair[1];
  return name;
}
