// Vocabularies and fixed data for bench/generate.js.
//
// Everything here is plain data: real words of the three languages of the synthetic archive
// (Macedonian in Cyrillic, Albanian, English), typical of government press releases, with
// inflected forms. The benchmark's search targets (see the top of generate.js) are kept OUT
// of these lists on purpose — no form of "соработка", "bashkëpunim" or "cooperation", and no
// "Петревски" — so that the generator alone decides which files contain them and the counts
// are known. `assertNoTargets()` checks this.

const w = (s) => s.trim().split(/\s+/);
const lines = (s) => s.trim().split('\n').map((l) => l.trim()).filter(Boolean);

// ---------------------------------------------------------------- Macedonian (Cyrillic)

const mk = {
  nouns: w(`
    министерство министерството министерства министерствата министер министерот министри министрите
    влада владата владите конференција конференцијата конференции конференциите средба средбата
    средби средбите состанок состанокот состаноци состаноците безбедност безбедноста полиција
    полицијата заштита заштитата развој развојот проект проектот проекти проектите програма
    програмата програми програмите институција институцијата институции институциите граѓанин
    граѓанинот граѓани граѓаните општина општината општини општините земја земјата земји земјите
    договор договорот договори договорите меморандум меморандумот закон законот закони законите
    реформа реформата реформи реформите стратегија стратегијата стратегии стратегиите план планот
    планови плановите обука обуката обуки обуките работилница работилницата работилници
    работилниците форум форумот семинар семинарот семинари делегација делегацијата делегации
    претставник претставникот претставници претставниците учесник учесниците учесници партнер
    партнерот партнери партнерите поддршка поддршката помош помошта мерка мерката мерки мерките
    предизвик предизвикот предизвици предизвиците приоритет приоритетот приоритети приоритетите
    резултат резултатот резултати резултатите искуство искуството искуства искуствата капацитет
    капацитетот капацитети капацитетите граница границата граници границите криминал криминалот
    корупција корупцијата тероризам тероризмот екстремизам екстремизмот миграција миграцијата
    превенција превенцијата интеграција интеграцијата унија унијата заедница заедницата заедници
    регион регионот региони сектор секторот сектори област областа области вработени вработените
    службеник службеникот службеници инспектор инспекторот судство судството суд судот
    обвинителство обвинителството право правото права правата слобода слободата слободи
    еднаквост еднаквоста млади младите жена жената жени жените дете детето деца децата
    образование образованието здравство здравството економија економијата инвестиција
    инвестицијата инвестиции инвестициите буџет буџетот средства средствата набавка набавката
    опрема опремата возило возилото возила систем системот системи системите податоци податоците
    извештај извештајот извештаи извештаите анализа анализата анализи истражување истражувањето
    истражувања процес процесот процеси постапка постапката постапки одлука одлуката одлуки
    одлуките предлог предлогот предлози иницијатива иницијативата иницијативи кампања кампањата
    свест свеста јавност јавноста медиуми медиумите изјава изјавата посета посетата посети
    амбасадор амбасадорот амбасада амбасадата мисија мисијата организација организацијата
    организации организациите здружение здружението здруженија центар центарот центри
    канцеларија канцеларијата комисија комисијата комисии совет советот собрание собранието
    пратеник пратеникот пратеници пратениците претседател претседателот заменик заменикот
    директор директорот раководител раководителот координатор координаторот експерт експертот
    експерти експертите тим тимот тимови вежба вежбата вежби криза кризата кризи ризик ризикот
    ризици ризиците закана заканата закани заканите управување управувањето интерес интересот
    стандард стандардот стандарди стандардите принцип принципот принципи вредност вредностите
    практика практиката практики модел моделот механизам механизмот механизми рамка рамката мрежа
    мрежата платформа платформата услуга услугата услуги услугите пристап пристапот
    транспарентност транспарентноста отчетност отчетноста ефикасност ефикасноста дијалог
    дијалогот партнерство партнерството мир мирот стабилност стабилноста иднина иднината година
    годината години годините месец месецот ден денот денови седница седницата енергија
    енергијата туризам туризмот земјоделство земјоделството инфраструктура инфраструктурата
    дигитализација дигитализацијата прашање прашањето прашања прашањата одговорност одговорноста
    избори изборите спроведување спроведувањето напредок напредокот подобрување подобрувањето
    зајакнување зајакнувањето придонес придонесот активност активноста активности активностите
    надлежност надлежностите координација координацијата размена размената информации
    информациите оценка оценката услови условите можност можноста можности можностите
    `),
  adjectives: w(`
    национален националниот национална националната национални националните меѓународен
    меѓународниот меѓународна меѓународната меѓународни меѓународните регионален регионалниот
    регионална регионалната регионални локален локалниот локална локалната локални државен
    државната државна државни јавен јавна јавни јавната европски европска европската европските
    безбедносен безбедносна безбедносни безбедносните економски економска економските социјален
    социјална социјални правен правна правни успешен успешна успешни значаен значајна значајни
    нов новиот нова новата нови новите важен важна важни заеднички заедничка заедничките прв
    првата први втор втората трет третата годишен годишна годишната стратешки стратешка
    стратешките оперативен оперативна институционален институционална професионален
    професионална ефикасен ефикасна одржлив одржлива демократски демократска граничен гранична
    полициски полициска полициските судски судска технички техничка техничката финансиски
    финансиска финансиската дигитален дигитална сеопфатен сеопфатна билатерален билатерална
    мултилатерален конкретни конкретните неопходни континуирана значителен значителна
    `),
  verbs: w(`
    одржа одржаа одржана одржан одржува учествуваше учествуваа учествува присуствуваше присуствуваа
    потпиша потпишаа потпишан разговараше разговараа разгледаа разгледува истакна истакнаа нагласи
    нагласија изјави рече посочи потенцираше презентираше претстави претставија отвори заврши
    започна продолжи продолжува поддржува поддржа обезбеди обезбедува спроведе спроведува
    реализира организира организираше донесе усвои усвоија зајакнува подобри унапреди унапредува
    развива овозможи овозможува придонесе придонесува покажа потврди очекува изрази честиташе
    благодари ветија договорија разменија информираше соопшти објави најави промовира вложи
    финансира донира доделени предаде предадоа прими посети посетија пречека оцени оценија
    `),
  func: w(`
    и и и и во во во на на на на за за за со со од од до како што кој која кое кои се се се е е
    беше ќе да да не но а или меѓу преку при по пред после околу согласно според врз кон без
    дека кога каде покрај поради низ сите секоја нивната својата негов нејзин овој оваа ова овие
    тој таа тие ние нашата уште веќе многу повеќе особено главно дополнително воедно денеска
    `),
  capital: 'Скопје',
  months: w('јануари февруари март април мај јуни јули август септември октомври ноември декември'),
  titleHeads: lines(`
    Учество на
    Одржана
    Потпишан меморандум за
    Средба на министерот со
    Започна обуката за
    Свечено отворање на
    Посета на делегација од
    Презентација на
    Заврши проектот за
    Конференција за
    Работилница за
    Соопштение за
    Министерот
    Донација на
    Нова програма за
  `),
  roles: lines(`
    министер
    заменик-министер
    државен секретар
    национален координатор
    директор
    градоначалник
    амбасадор
    раководител на мисијата
    претседател на комисијата
    советник
  `),
  said: w('изјави истакна нагласи рече посочи потенцираше'),
  links: ['повеќе информации', 'целосниот извештај', 'програмата на настанот', 'соопштението'],
};

// ---------------------------------------------------------------- Albanian

const sq = {
  nouns: w(`
    ministria ministrisë ministrinë ministritë ministër ministri ministrat ministrave qeveria
    qeverisë qeverinë konferencë konferenca konferencës konferencat takim takimi takimin takimit
    takime takimet mbledhje mbledhja mbledhjes siguri siguria sigurisë sigurinë policia policisë
    mbrojtje mbrojtja mbrojtjes zhvillim zhvillimi zhvillimin zhvillimit projekt projekti projektin
    projektit projekte projektet program programi programin programe institucion institucioni
    institucionet institucioneve qytetar qytetarët qytetarëve komunë komuna komunës komunat vend
    vendi vendit vendet vendeve marrëveshje marrëveshja marrëveshjen memorandum memorandumi ligj
    ligji ligjit ligjet reformë reforma reformat reformave strategji strategjia strategjisë plan
    plani planin trajnim trajnimi trajnime trajnimet punëtori punëtoria forum forumi seminar
    seminari delegacion delegacioni delegacionin përfaqësues përfaqësuesi përfaqësuesit
    pjesëmarrës pjesëmarrësit partner partneri partnerët mbështetje mbështetja mbështetjen ndihmë
    ndihma ndihmën masë masa masat masave sfidë sfida sfidat prioritet prioriteti prioritetet
    rezultat rezultati rezultatet përvojë përvoja përvojat kapacitet kapacitetet kufi kufiri
    kufirit kufijtë krim krimi krimit korrupsion korrupsioni korrupsionit terrorizëm terrorizmi
    ekstremizëm ekstremizmi migracion migracioni parandalim parandalimi integrim integrimi
    integrimit rajon rajoni rajonit sektor sektori fushë fusha fushën punonjës punonjësit zyrtar
    zyrtari zyrtarët inspektor drejtësi drejtësia drejtësisë gjykatë gjykata gjykatës prokurori
    prokuroria liri liria barazi barazia barazisë rinia të rinjtë grua gratë fëmijë fëmijët arsim
    arsimi arsimit shëndetësi shëndetësia ekonomi ekonomia ekonomisë investim investimi investime
    investimet buxhet buxheti mjete mjetet prokurim pajisje pajisjet automjet automjete sistem
    sistemi sistemet të dhënat raport raporti raportet analizë analiza hulumtim hulumtimi proces
    procesi procedurë procedura vendim vendimi vendimet propozim propozimi iniciativë iniciativa
    fushatë fushata vetëdijesim vetëdijesimi publiku media mediat deklaratë deklarata vizitë
    vizita vizitën ambasador ambasadori ambasadë ambasada mision misioni organizatë organizata
    organizatat shoqatë shoqata qendër qendra qendrës zyrë zyra komision komisioni këshill
    këshilli kuvend kuvendi kuvendit deputet deputeti deputetët kryetar kryetari zëvendësministri
    drejtor drejtori koordinator koordinatori ekspert ekspertët ekip ekipi ushtrim ushtrimi krizë
    kriza krizës rrezik rreziku rreziqet kërcënim kërcënimet menaxhim menaxhimi interes interesi
    standard standardet parim parimet vlerë vlerat praktikë praktikat model koncept mekanizëm
    mekanizmi kornizë korniza rrjet rrjeti platformë platforma shërbim shërbimi shërbimet qasje
    qasja transparencë transparenca llogaridhënie efikasitet dialog dialogu partneritet
    partneriteti miqësi paqe paqja stabilitet stabiliteti ardhmëri vit viti vitin vite muaj muaji
    javë java ditë dita seancë seanca shoqëri energji energjia mjedis mjedisi turizëm turizmi
    bujqësi bujqësia infrastrukturë infrastruktura digjitalizim digjitalizimi çështje çështja
    çështjet përgjegjësi përgjegjësia zgjedhje zgjedhjet zbatim zbatimi zbatimin përparim
    përparimi përmirësim përmirësimi forcim forcimi kontribut kontributi aktivitet aktivitetet
    koordinim koordinimi shkëmbim shkëmbimi informacion informacionet mundësi mundësitë kushte
    kushtet vlerësim vlerësimi
    `),
  adjectives: w(`
    kombëtar kombëtare ndërkombëtar ndërkombëtare rajonal rajonale lokal lokale shtetëror
    shtetërore publik publike evropian evropiane ekonomik ekonomike social sociale ligjor ligjore
    suksesshëm suksesshme rëndësishëm rëndësishme ri re reja përbashkët parë para vjetor vjetore
    strategjik strategjike operativ operative institucional institucionale profesional
    profesionale efikas efikase qëndrueshëm qëndrueshme demokratik demokratike kufitar kufitare
    policor policore gjyqësor gjyqësore teknik teknike financiar financiare digjital digjitale
    gjithëpërfshirës dypalësh shumëpalësh konkret konkrete nevojshme vazhdueshëm
    `),
  verbs: w(`
    mbajti mbajtën mbajtur nënshkroi nënshkruan nënshkruar bisedoi bisedoj diskutuan theksoi
    theksuan deklaroi tha prezantoi prezantuan hapi përfundoi filloi vazhdon vazhdoi mbështet
    mbështeti siguroi siguron zbaton zbatoi realizoi organizoi organizuan miratoi miratuan forcoi
    përmirësoi avancoi zhvilloi mundëson mundësoi kontribuon kontribuoi tregoi konfirmoi pret
    shprehu uroi falënderoi shkëmbyen informoi njoftoi publikoi paralajmëroi promovoi investoi
    financon dhuroi dorëzoi dorëzuan priti vizitoi vizituan vlerësoi vlerësuan
    `),
  func: w(`
    dhe dhe dhe dhe në në në në për për për me me nga nga deri si që që i i e e e të të të të së u
    është ishte do nuk por ose ndërmjet përmes gjatë pas para rreth sipas mbi drejt pa gjithashtu
    se kur ku përveç çdo saj tij tyre ky kjo këto ai ajo ata ne sonë edhe edhe tashmë shumë më
    veçanërisht kryesisht sot
    `),
  capital: 'Shkup',
  months: w('janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor'),
  titleHeads: lines(`
    Pjesëmarrja e
    U mbajt
    U nënshkrua memorandumi për
    Takim i ministrit me
    Filloi trajnimi për
    Hapja solemne e
    Vizitë e delegacionit nga
    Prezantim i
    Përfundoi projekti për
    Konferencë për
    Punëtori për
    Njoftim për
    Ministri
    Donacion për
    Program i ri për
  `),
  roles: lines(`
    ministër
    zëvendësministër
    sekretar shtetëror
    koordinator kombëtar
    drejtor
    kryetar i komunës
    ambasador
    shef i misionit
    kryetar i komisionit
    këshilltar
  `),
  said: w('deklaroi theksoi tha nënvizoi potencoi'),
  links: ['më shumë informacione', 'raporti i plotë', 'programi i ngjarjes', 'njoftimi'],
};

// ---------------------------------------------------------------- English

const en = {
  nouns: w(`
    ministry ministries minister ministers government governments conference conferences meeting
    meetings security police protection development project projects programme programmes
    institution institutions citizen citizens municipality municipalities country countries
    agreement agreements memorandum law laws reform reforms strategy strategies plan plans training
    trainings workshop workshops forum seminar seminars delegation delegations representative
    representatives participant participants partner partners support assistance measure measures
    challenge challenges priority priorities result results experience experiences capacity
    capacities border borders crime corruption terrorism extremism migration prevention
    integration union community communities region regions sector sectors area areas employee
    employees official officials inspector inspectors judiciary court courts prosecution right
    rights freedom freedoms equality youth women children education health economy investment
    investments budget funds procurement equipment vehicle vehicles system systems data report
    reports analysis research process processes procedure procedures decision decisions proposal
    proposals initiative initiatives campaign campaigns awareness public media statement
    statements visit visits ambassador ambassadors embassy mission missions organisation
    organisations association associations centre centres office offices commission council
    assembly parliament member members president deputy director head coordinator expert experts
    team teams exercise exercises crisis crises risk risks threat threats management interest
    interests standard standards principle principles value values practice practices model
    concept mechanism mechanisms framework network platform service services approach transparency
    accountability efficiency dialogue partnership friendship peace stability future year years
    month week day days session society energy environment tourism agriculture infrastructure
    digitalisation issue issues responsibility election elections implementation progress
    improvement strengthening contribution activity activities coordination exchange information
    assessment conditions opportunity opportunities
    `),
  adjectives: w(`
    national international regional local state public European economic social legal successful
    important new joint first second third annual strategic operational institutional professional
    efficient sustainable democratic police judicial technical financial digital comprehensive key
    further mutual bilateral multilateral concrete necessary continuous significant
    `),
  verbs: w(`
    held hosted attended participated signed discussed reviewed emphasised stressed stated said
    noted presented opened concluded started continues supports supported provided ensures
    implemented organised adopted strengthened improved advanced developed enables contributes
    showed confirmed expects expressed congratulated thanked pledged agreed exchanged informed
    announced published promoted invested funded donated handed received visited welcomed assessed
    `),
  func: w(`
    and and and and in in in on for for with from to as that which the the the the the the a a an
    of of of of of is was will be not but or between through during after before around according
    over towards without also when where besides all every its their this these he she they we
    our very more most particularly mainly today
    `),
  capital: 'Skopje',
  months: w('January February March April May June July August September October November December'),
  titleHeads: lines(`
    Participation of
    Held
    Memorandum signed on
    Minister meets
    Training begins on
    Official opening of
    Delegation visits
    Presentation of
    Project completed on
    Conference on
    Workshop on
    Statement on
    The Minister
    Donation for
    New programme for
  `),
  roles: lines(`
    Minister
    Deputy Minister
    State Secretary
    National Coordinator
    Director
    Mayor
    Ambassador
    Head of Mission
    Chair of the Commission
    Adviser
  `),
  said: w('said stated stressed noted emphasised underlined'),
  links: ['more information', 'the full report', 'the event programme', 'the statement'],
};

export const LANGS = { mk, sq, en };

// ---------------------------------------------------------------- tags (same concept per row)

// [mk, sq, en]
export const TAGS = lines(`
  безбедност|siguri|security
  економија|ekonomi|economy
  образование|arsim|education
  здравство|shëndetësi|health
  животна средина|mjedis|environment
  човекови права|të drejtat e njeriut|human rights
  локална самоуправа|vetëqeverisje lokale|local self-government
  европска интеграција|integrim evropian|European integration
  дигитализација|digjitalizim|digitalisation
  борба против корупција|lufta kundër korrupsionit|anti-corruption
  гранична безбедност|siguria kufitare|border security
  млади|të rinjtë|youth
  родова еднаквост|barazi gjinore|gender equality
  енергетика|energjetikë|energy
  земјоделство|bujqësi|agriculture
  туризам|turizëm|tourism
  култура|kulturë|culture
  спорт|sport|sport
  транспорт|transport|transport
  правосудство|drejtësi|justice
  полиција|polici|police
  миграција|migracion|migration
  кризен менаџмент|menaxhim i krizave|crisis management
  сајбер безбедност|siguri kibernetike|cyber security
  организиран криминал|krim i organizuar|organised crime
  тероризам|terrorizëm|terrorism
  насилен екстремизам|ekstremizëm i dhunshëm|violent extremism
  превенција|parandalim|prevention
  обука|trajnim|training
  инфраструктура|infrastrukturë|infrastructure
  социјална заштита|mbrojtje sociale|social protection
  конференција|konferencë|conference
  донација|donacion|donation
  избори|zgjedhje|elections
`).map((l) => l.split('|'));

// ---------------------------------------------------------------- places

// [Macedonian, Albanian nominative, Albanian genitive (for "Komuna e …"), English]
export const TOWNS = lines(`
  Скопје|Shkup|Shkupit|Skopje
  Битола|Manastir|Manastirit|Bitola
  Куманово|Kumanovë|Kumanovës|Kumanovo
  Прилеп|Prilep|Prilepit|Prilep
  Тетово|Tetovë|Tetovës|Tetovo
  Велес|Veles|Velesit|Veles
  Штип|Shtip|Shtipit|Shtip
  Охрид|Ohër|Ohrit|Ohrid
  Гостивар|Gostivar|Gostivarit|Gostivar
  Струмица|Strumicë|Strumicës|Strumica
  Кавадарци|Kavadar|Kavadarit|Kavadarci
  Кочани|Koçan|Koçanit|Kočani
  Кичево|Kërçovë|Kërçovës|Kičevo
  Струга|Strugë|Strugës|Struga
  Радовиш|Radovish|Radovishit|Radoviš
  Гевгелија|Gjevgjeli|Gjevgjelisë|Gevgelija
  Дебар|Dibër|Dibrës|Debar
  Крива Паланка|Kriva Pallankë|Kriva Pallankës|Kriva Palanka
  Свети Николе|Shën Nikollë|Shën Nikollës|Sveti Nikole
  Неготино|Negotinë|Negotinës|Negotino
  Делчево|Dellçevë|Dellçevës|Delčevo
  Виница|Vinicë|Vinicës|Vinica
  Ресен|Resnjë|Resnjës|Resen
  Пробиштип|Probishtip|Probishtipit|Probištip
  Берово|Berovë|Berovës|Berovo
  Кратово|Kratovë|Kratovës|Kratovo
  Крушево|Krushevë|Krushevës|Kruševo
  Македонски Брод|Makedonski Brod|Makedonski Brodit|Makedonski Brod
  Валандово|Vallandovë|Vallandovës|Valandovo
  Демир Хисар|Demir Hisar|Demir Hisarit|Demir Hisar
  Богданци|Bogdanc|Bogdancit|Bogdanci
  Дојран|Dojran|Dojranit|Dojran
  Пехчево|Pehçevë|Pehçevës|Pehčevo
  Чаир|Çair|Çairit|Čair
  Сарај|Saraj|Sarajit|Saraj
  Арачиново|Haraçinë|Haraçinës|Aračinovo
  Липково|Likovë|Likovës|Lipkovo
  Боговиње|Bogovinë|Bogovinës|Bogovinje
  Теарце|Tearcë|Tearcës|Tearce
  Желино|Zhelinë|Zhelinës|Želino
  Врапчиште|Vrapçisht|Vrapçishtit|Vrapčište
  Центар Жупа|Qendër Zhupë|Qendër Zhupës|Centar Župa
  Студеничани|Studeniçan|Studeniçanit|Studeničani
  Карпош|Karposh|Karposhit|Karpoš
  Аеродром|Aerodrom|Aerodromit|Aerodrom
  Кисела Вода|Kisella Vodë|Kisella Vodës|Kisela Voda
  Гази Баба|Gazi Babë|Gazi Babës|Gazi Baba
  Бутел|Butel|Butelit|Butel
  Ѓорче Петров|Gjorçe Petrov|Gjorçe Petrovit|Gjorče Petrov
  Шуто Оризари|Shuto Orizarë|Shuto Orizarës|Šuto Orizari
  Илинден|Ilinden|Ilindenit|Ilinden
  Могила|Mogillë|Mogillës|Mogila
  Новаци|Novac|Novacit|Novaci
  Ранковце|Rankovcë|Rankovcës|Rankovce
  Росоман|Rosoman|Rosomanit|Rosoman
  Старо Нагоричане|Staro Nagoriçan|Staro Nagoriçanit|Staro Nagoričane
  Чашка|Çashkë|Çashkës|Čaška
  Чешиново-Облешево|Çeshinovë-Obleshevë|Çeshinovë-Obleshevës|Češinovo-Obleševo
  Чучер-Сандево|Çuçer-Sandevë|Çuçer-Sandevës|Čučer-Sandevo
  Лозово|Llozovë|Llozovës|Lozovo
  Конче|Konçe|Konçes|Konče
  Зелениково|Zelenikovë|Zelenikovës|Zelenikovo
  Сопиште|Sopishtë|Sopishtës|Sopište
  Јегуновце|Jegunoc|Jegunocit|Jegunovce
  Брвеница|Brvenicë|Brvenicës|Brvenica
  Долнени|Dollnen|Dollnenit|Dolneni
  Кривогаштани|Krivogashtan|Krivogashtanit|Krivogaštani
  Пласница|Pllasnicë|Pllasnicës|Plasnica
  Маврово и Ростуше|Mavrovë e Rostushë|Mavrovë e Rostushës|Mavrovo and Rostuše
  Градско|Gradsko|Gradskos|Gradsko
`).map((l) => l.split('|'));

// [Macedonian, Albanian, English]
export const FOREIGN_CITIES = lines(`
  Брисел|Bruksel|Brussels
  Виена|Vjenë|Vienna
  Загреб|Zagreb|Zagreb
  Белград|Beograd|Belgrade
  Тирана|Tiranë|Tirana
  Приштина|Prishtinë|Pristina
  Софија|Sofje|Sofia
  Атина|Athinë|Athens
  Женева|Gjenevë|Geneva
  Рим|Romë|Rome
  Берлин|Berlin|Berlin
  Љубљана|Lubjanë|Ljubljana
  Сараево|Sarajevë|Sarajevo
  Подгорица|Podgoricë|Podgorica
  Стразбур|Strasburg|Strasbourg
  Хаг|Hagë|The Hague
  Њујорк|Nju Jork|New York
  Вашингтон|Uashington|Washington
`).map((l) => l.split('|'));

// ---------------------------------------------------------------- partners

// Each row: Macedonian | Albanian | English | abbreviations (comma-separated, may be empty)
// | which form is the registry `name` (mk or en; the others become aliases).
const INSTITUTIONS = lines(`
  Министерство за внатрешни работи|Ministria e Punëve të Brendshme|Ministry of Interior|МВР,MPB,MoI|mk
  Министерство за надворешни работи|Ministria e Punëve të Jashtme|Ministry of Foreign Affairs|МНР,MPJ,MFA|mk
  Министерство за одбрана|Ministria e Mbrojtjes|Ministry of Defence|МО,MoD|mk
  Министерство за правда|Ministria e Drejtësisë|Ministry of Justice||mk
  Министерство за финансии|Ministria e Financave|Ministry of Finance|МФ|mk
  Министерство за економија|Ministria e Ekonomisë|Ministry of Economy||mk
  Министерство за здравство|Ministria e Shëndetësisë|Ministry of Health|МЗ|mk
  Министерство за образование и наука|Ministria e Arsimit dhe Shkencës|Ministry of Education and Science|МОН,MASH|mk
  Министерство за труд и социјална политика|Ministria e Punës dhe Politikës Sociale|Ministry of Labour and Social Policy|МТСП,MPPS|mk
  Министерство за животна средина и просторно планирање|Ministria e Mjedisit Jetësor dhe Planifikimit Hapësinor|Ministry of Environment and Physical Planning|МЖСПП|mk
  Министерство за земјоделство, шумарство и водостопанство|Ministria e Bujqësisë, Pylltarisë dhe Ekonomisë së Ujërave|Ministry of Agriculture, Forestry and Water Economy|МЗШВ|mk
  Министерство за транспорт и врски|Ministria e Transportit dhe Lidhjeve|Ministry of Transport and Communications|МТВ|mk
  Министерство за култура|Ministria e Kulturës|Ministry of Culture||mk
  Министерство за локална самоуправа|Ministria e Vetëqeverisjes Lokale|Ministry of Local Self-Government|МЛС|mk
  Министерство за информатичко општество и администрација|Ministria e Shoqërisë Informatike dhe Administratës|Ministry of Information Society and Administration|МИОА|mk
  Министерство за европски прашања|Ministria për Çështje Evropiane|Ministry of European Affairs||mk
  Министерство за политички систем и односи меѓу заедниците|Ministria e Sistemit Politik dhe Marrëdhënieve ndërmjet Bashkësive|Ministry of Political System and Inter-Community Relations||mk
  Влада на Република Северна Македонија|Qeveria e Republikës së Maqedonisë së Veriut|Government of the Republic of North Macedonia|Влада,Qeveria|mk
  Собрание на Република Северна Македонија|Kuvendi i Republikës së Maqedonisë së Veriut|Assembly of the Republic of North Macedonia|Собрание,Kuvendi|mk
  Кабинет на претседателот|Kabineti i Presidentit|Office of the President||mk
  Народна банка на Република Северна Македонија|Banka Popullore e Republikës së Maqedonisë së Veriut|National Bank of the Republic of North Macedonia|НБРСМ|mk
  Уставен суд|Gjykata Kushtetuese|Constitutional Court||mk
  Врховен суд|Gjykata Supreme|Supreme Court||mk
  Јавно обвинителство|Prokuroria Publike|Public Prosecutor's Office||mk
  Народен правобранител|Avokati i Popullit|Ombudsman||mk
  Државна изборна комисија|Komisioni Shtetëror i Zgjedhjeve|State Election Commission|ДИК,KSHZ,SEC|mk
  Државен завод за статистика|Enti Shtetëror i Statistikës|State Statistical Office|ДЗС,ESHS|mk
  Биро за јавна безбедност|Byroja për Siguri Publike|Bureau for Public Security|БЈБ|mk
  Царинска управа|Drejtoria Doganore|Customs Administration||mk
  Управа за јавни приходи|Drejtoria e të Hyrave Publike|Public Revenue Office|УЈП,DAP|mk
  Центар за управување со кризи|Qendra për Menaxhim me Kriza|Crisis Management Centre|ЦУК,QMK|mk
  Дирекција за заштита и спасување|Drejtoria për Mbrojtje dhe Shpëtim|Protection and Rescue Directorate||mk
  Агенција за храна и ветеринарство|Agjencia e Ushqimit dhe Veterinarisë|Food and Veterinary Agency|АХВ|mk
  Агенција за енергетика|Agjencia e Energjetikës|Energy Agency||mk
  Агенција за млади и спорт|Agjencia e të Rinjve dhe Sportit|Agency of Youth and Sports|АМС|mk
  Агенција за вработување|Agjencia e Punësimit|Employment Service Agency||mk
  Државна комисија за спречување на корупцијата|Komisioni Shtetëror për Parandalimin e Korrupsionit|State Commission for Prevention of Corruption|ДКСК,KSHPK|mk
  Агенција за заштита на личните податоци|Agjencia për Mbrojtjen e të Dhënave Personale|Personal Data Protection Agency|АЗЛП|mk
  Фонд за здравствено осигурување|Fondi i Sigurimit Shëndetësor|Health Insurance Fund|ФЗО|mk
  Државен инспекторат за труд|Inspektorati Shtetëror i Punës|State Labour Inspectorate||mk
  Академија за судии и јавни обвинители|Akademia për Gjyqtarë dhe Prokurorë Publikë|Academy for Judges and Public Prosecutors||mk
  Стопанска комора на Северна Македонија|Oda Ekonomike e Maqedonisë së Veriut|Economic Chamber of North Macedonia|СКСМ|mk
  Сојуз на стопански комори|Lidhja e Odave Ekonomike|Union of Chambers of Commerce||mk
  Заедница на единиците на локалната самоуправа|Bashkësia e Njësive të Vetëqeverisjes Lokale|Association of Local Self-Government Units|ЗЕЛС,ZELS|mk
  Универзитет „Св. Кирил и Методиј“|Universiteti „Shën Cirili dhe Metodi“|Ss. Cyril and Methodius University|УКИМ,UKIM|mk
  Универзитет во Тетово|Universiteti i Tetovës|University of Tetovo||mk
  Универзитет „Гоце Делчев“ Штип|Universiteti „Goce Dellçev“ i Shtipit|Goce Delčev University of Štip|УГД|mk
  Универзитет „Св. Климент Охридски“ Битола|Universiteti „Shën Kliment Ohridski“ i Manastirit|St. Kliment Ohridski University Bitola|УКЛО|mk
  Универзитет на Југоисточна Европа|Universiteti i Evropës Juglindore|South East European University|УЈИЕ,UEJL,SEEU|mk
  Црвен крст на Северна Македонија|Kryqi i Kuq i Maqedonisë së Veriut|Red Cross of North Macedonia||mk
  Македонско здружение на млади правници|Shoqata Maqedonase e Juristëve të Rinj|Macedonian Young Lawyers Association|МЗМП,MYLA|mk
  Хелсиншки комитет за човекови права|Komiteti i Helsinkit për të Drejtat e Njeriut|Helsinki Committee for Human Rights||mk
  Транспаренси интернешнал Македонија|Transparency International Maqedoni|Transparency International Macedonia||mk
  Фондација Отворено општество|Fondacioni Shoqëri e Hapur|Open Society Foundation|ФООМ|mk
  Центар за граѓански комуникации|Qendra për Komunikime Qytetare|Center for Civil Communications||mk
  Институт за демократија „Социетас Цивилис“|Instituti për Demokraci „Societas Civilis“|Institute for Democracy Societas Civilis|ИДСЦС,IDSCS|mk
  Фондација Метаморфозис|Fondacioni Metamorfozis|Metamorphosis Foundation||mk
  ОБСЕ Мисијата во Скопје|Misioni i OSBE-së në Shkup|OSCE Mission to Skopje|ОБСЕ,OSBE,OSCE|en
  Делегација на Европската унија|Delegacioni i Bashkimit Evropian|Delegation of the European Union|ЕУ,BE,EU|en
  Програма за развој на Обединетите нации|Programi i Kombeve të Bashkuara për Zhvillim|United Nations Development Programme|УНДП,UNDP|en
  Детски фонд на Обединетите нации|Fondi i Kombeve të Bashkuara për Fëmijët|United Nations Children's Fund|УНИЦЕФ,UNICEF|en
  Висок комесаријат за бегалци на ОН|Komisariati i Lartë i OKB-së për Refugjatë|UN Refugee Agency|УНХЦР,UNHCR|en
  Меѓународна организација за миграција|Organizata Ndërkombëtare për Migracion|International Organization for Migration|МОМ,IOM|en
  Светска здравствена организација|Organizata Botërore e Shëndetësisë|World Health Organization|СЗО,OBSH,WHO|en
  Светска банка|Banka Botërore|World Bank||en
  Европска банка за обнова и развој|Banka Evropiane për Rindërtim dhe Zhvillim|European Bank for Reconstruction and Development|ЕБОР,BERZH,EBRD|en
  Европска инвестициска банка|Banka Evropiane e Investimeve|European Investment Bank|ЕИБ,BEI,EIB|en
  Совет на Европа|Këshilli i Evropës|Council of Europe||en
  Северноатлантска алијанса|Aleanca e Atlantikut Verior|North Atlantic Treaty Organization|НАТО,NATO|en
  Американска агенција за меѓународен развој|Agjencia e SHBA-ve për Zhvillim Ndërkombëtar|United States Agency for International Development|УСАИД,USAID|en
  Европска полициска служба|Zyra Evropiane e Policisë|European Police Office|Европол,Europol|en
  Европска агенција за гранична и крајбрежна стража|Agjencia Evropiane e Rojës Kufitare dhe Bregdetare|European Border and Coast Guard Agency|Фронтекс,Frontex|en
  Меѓународна организација на криминалистичка полиција|Organizata Ndërkombëtare e Policisë Kriminale|International Criminal Police Organization|Интерпол,Interpol|en
  Канцеларија на ОН за дрога и криминал|Zyra e OKB-së për Drogë dhe Krim|United Nations Office on Drugs and Crime|УНОДЦ,UNODC|en
  Женевски центар за управување со безбедносниот сектор|Qendra e Gjenevës për Qeverisjen e Sektorit të Sigurisë|Geneva Centre for Security Sector Governance|ДЦАФ,DCAF|en
  Регионална школа за јавна администрација|Shkolla Rajonale e Administratës Publike|Regional School of Public Administration|РеСПА,ReSPA|en
  УН Жени|UN Women|UN Women||en
  Британски совет|Këshilli Britanik|British Council||en
  Француски институт|Instituti Francez|French Institute||en
  Гете институт|Instituti Goethe|Goethe-Institut||en
`).map((l) => l.split('|'));

// [Macedonian "Амбасада на …", Albanian genitive "Ambasada e …", English "Embassy of …"]
const EMBASSIES = lines(`
  САД|SHBA-ve|the United States
  Обединетото Кралство|Mbretërisë së Bashkuar|the United Kingdom
  Германија|Gjermanisë|Germany
  Франција|Francës|France
  Италија|Italisë|Italy
  Холандија|Mbretërisë së Holandës|the Netherlands
  Шведска|Suedisë|Sweden
  Норвешка|Norvegjisë|Norway
  Швајцарија|Zvicrës|Switzerland
  Австрија|Austrisë|Austria
  Словенија|Sllovenisë|Slovenia
  Хрватска|Kroacisë|Croatia
  Србија|Serbisë|Serbia
  Албанија|Shqipërisë|Albania
  Косово|Kosovës|Kosovo
  Бугарија|Bullgarisë|Bulgaria
  Грција|Greqisë|Greece
  Турција|Turqisë|Turkey
  Црна Гора|Malit të Zi|Montenegro
  Босна и Херцеговина|Bosnjë e Hercegovinës|Bosnia and Herzegovina
  Полска|Polonisë|Poland
  Чешка|Republikës Çeke|the Czech Republic
  Словачка|Sllovakisë|Slovakia
  Унгарија|Hungarisë|Hungary
  Романија|Rumanisë|Romania
  Шпанија|Spanjës|Spain
  Белгија|Belgjikës|Belgium
  Данска|Danimarkës|Denmark
  Финска|Finlandës|Finland
  Ирска|Irlandës|Ireland
  Јапонија|Japonisë|Japan
  Канада|Kanadasë|Canada
  Кина|Kinës|China
  Израел|Izraelit|Israel
  Украина|Ukrainës|Ukraine
  Естонија|Estonisë|Estonia
  Литванија|Lituanisë|Lithuania
`).map((l) => l.split('|'));

// [Macedonian adjective, Albanian "Rajonit Planor …", English]
const REGIONS = lines(`
  Пелагониски|të Pellagonisë|Pelagonia
  Полошки|të Pollogut|Polog
  Скопски|të Shkupit|Skopje
  Источен|Lindor|East
  Југоисточен|Juglindor|Southeast
  Југозападен|Jugperëndimor|Southwest
  Вардарски|të Vardarit|Vardar
  Североисточен|Verilindor|Northeast
`).map((l) => l.split('|'));

const POLICE_TOWNS = ['Скопје', 'Битола', 'Велес', 'Куманово', 'Охрид', 'Струмица', 'Тетово', 'Штип'];

/** The partner registry: [{ id, mk, sq, en, abbr: [], name }] in a fixed order. */
export function partnerRegistry() {
  const rows = [];
  for (const [m, s, e, abbr, nameLang] of INSTITUTIONS) {
    rows.push({ mk: m, sq: s, en: e, abbr: abbr ? abbr.split(',') : [], nameLang });
  }
  for (const [m, s, e] of EMBASSIES) {
    rows.push({ mk: `Амбасада на ${m}`, sq: `Ambasada e ${s}`, en: `Embassy of ${e}`, abbr: [], nameLang: 'en' });
  }
  for (const t of TOWNS) {
    const [m, , sgen, e] = t;
    if (m === 'Скопје') rows.push({ mk: 'Град Скопје', sq: 'Qyteti i Shkupit', en: 'City of Skopje', abbr: [], nameLang: 'mk' });
    else rows.push({ mk: `Општина ${m}`, sq: `Komuna e ${sgen}`, en: `Municipality of ${e}`, abbr: [], nameLang: 'mk' });
  }
  for (const [m, s, e] of REGIONS) {
    rows.push({
      mk: `Центар за развој на ${m} плански регион`,
      sq: `Qendra për Zhvillimin e Rajonit Planor ${s}`,
      en: `${e} Planning Region Development Centre`,
      abbr: [], nameLang: 'mk',
    });
  }
  for (const m of POLICE_TOWNS) {
    const t = TOWNS.find((x) => x[0] === m);
    rows.push({
      mk: `Сектор за внатрешни работи ${m}`,
      sq: `Sektori për Punë të Brendshme ${t[1]}`,
      en: `Department of Internal Affairs ${t[3]}`,
      abbr: [`СВР ${m}`], nameLang: 'mk',
    });
  }
  return rows.map((r, i) => ({ id: `partner-${i + 1}`, ...r, name: r[r.nameLang] }));
}

// ---------------------------------------------------------------- people

export const MK_MALE = w(`
  Александар Никола Горан Зоран Дејан Игор Владимир Марјан Бојан Златко Томислав Љупчо Трајче
  Оливер Методија Благој Петар Стефан Филип Христијан Димитар Кире Сашо Тони Јован Ѓорѓи Живко
  Васко Ненад Драган Митко Страшо
`);
export const MK_FEMALE = w(`
  Марија Елена Ана Биљана Снежана Весна Катерина Јасмина Ивана Маја Татјана Радмила Благица
  Драгана Лилјана Мирјана Сања Бети Наташа Аница Гордана Даниела Ѓурѓица Жаклина Верица
`);
// male forms; female forms are derived (-ски → -ска, -ов → -ова, -ев → -ева)
export const MK_SURNAMES = w(`
  Стојановски Николовски Трајковски Јовановски Димитриевски Атанасовски Костовски Ангеловски
  Илиевски Спасовски Ристовски Георгиевски Мицевски Марковски Божиновски Велјановски Тодоровски
  Цветковски Арсовски Поповски Јаневски Андоновски Миленковски Ѓорѓиевски Најдовски Талевски
  Бошковски Коцев Илиев Тасев Стојанов Ефремов Јакимов Лазаров Џамбазов Ѕвездаков Шишков
  Чаловски Ќурчиев Жежов Њаградски Љутков
`);
export const SQ_MALE = w(`
  Arben Besnik Agron Artan Bujar Driton Fatmir Ilir Blerim Valon Shpend Naser Xhevdet Muhamed
  Ermal Gëzim Afrim Bekim Qenan Zijadin
`);
export const SQ_FEMALE = w(`
  Teuta Arta Besa Drita Fatime Mimoza Vjosa Albana Lindita Shqipe Valbona Rrezarta Edona Mirlinda
  Blerta Qëndresa Ardita
`);
export const SQ_SURNAMES = w(`
  Osmani Ahmeti Xhaferi Selmani Rexhepi Ibraimi Ademi Bexheti Sulejmani Mustafa Hasani Shabani
  Aliu Memeti Jashari Zeqiri Qazimi Limani Krasniqi Berisha Fejzullahu Çaushi Dauti Emini
`);

// ---------------------------------------------------------------- search targets

/** Regular expressions (on lower-cased text) that find the benchmark's search targets. */
export const TARGET_PATTERNS = {
  cooperation: /соработк|bashkëpunim|cooperation/,
  petrevski: /петревски|petrevski/,
};

/** Throws when a word list contains a target form (so target counts stay exact). */
export function assertNoTargets() {
  const re = /соработ|bashkëpun|cooperat|co-operat|петревск|petrevsk/i;
  const all = [];
  for (const l of Object.values(LANGS)) {
    for (const v of Object.values(l)) if (Array.isArray(v)) all.push(...v);
  }
  all.push(...TAGS.flat(), ...TOWNS.flat(), ...FOREIGN_CITIES.flat(), ...MK_SURNAMES, ...SQ_SURNAMES);
  for (const p of partnerRegistry()) all.push(p.mk, p.sq, p.en, ...p.abbr);
  const bad = all.filter((x) => re.test(x));
  if (bad.length) throw new Error(`word lists contain target forms: ${bad.join(', ')}`);
}
