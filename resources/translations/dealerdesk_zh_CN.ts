<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>This database has no dealership set up yet. Create the demo store with &apos;python -m desktop_app demo-data&apos; or register this PC with the hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>DealerDesk hit a bug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside DealerDesk. Your saved work is safe in the database; the form you were typing in may still be open behind this window.

Please send the details below and the log file to your administrator:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>DealerDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not contact (tick a kind of contact and give the reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone already on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open that customer? What you typed here stays in this form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Search by name, phone, plate or VIN (whole, or its last 6 or 8 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently changed customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First {n} matches; type more to narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search on the left, or add a new customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicles ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} changed: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-delivery callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday greetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diesel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug-in hybrid (NEV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Battery electric (NEV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range extender (NEV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service advisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales consultant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer-care agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DealerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DealerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DealerDesk — {site}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes &amp; Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available in this version of DealerDesk yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no hub set up · {n} changes kept on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub connected · {n} changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub not reached yet · {n} changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DealerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DealerDesk {version}
Offline-first desk software for 4S dealerships.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The customer&apos;s name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name can have at most 60 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number is required to reach the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do-not-contact needs a reason (the customer&apos;s words or why).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN&apos;s check digit does not match. Imported vehicles may use another scheme; please compare with the certificate before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage must be between 0 and 2,000,000 km.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warranty cannot end before the sale date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number: a mobile has 11 digits starting with 1 (e.g. 13812345678), a landline starts with its area code (e.g. 021-62345678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a plate number: a province character, a letter, then 5 characters (e.g. 沪A12345) or 6 for a new-energy plate (e.g. 粤B·D12345).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a last digit or X ({length} typed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number characters 7-14 must be a birth date; {date} is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number&apos;s last character is its check digit: it must be {expected}, not {found}. Please check the number for a typing error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN position 9 is the check digit: it must be {expected}, not {found} (China-built VINs must pass the GB 16735 check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VIN has 17 characters; this one has {length} (position {position} is where it goes wrong).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN position {position}: the letter {char} is never used in a VIN (I, O and Q are excluded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN position {position}: &apos;{char}&apos; is not allowed; only digits and the letters A-Z (without I, O, Q).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask a manager to do it or to change your role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong, or the account is disabled. Check Caps Lock and the input language, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone {phone} already belongs to the customer {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vehicle with VIN {vin} is already on file (owner: {name}). Open that vehicle instead of entering it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists (it may have been deleted on another PC). Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was lost. Wait a moment and try again; if it persists, close other DealerDesk windows or backup tools using {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} is read-only, so changes cannot be saved. What you typed is still in the form. Ask your administrator to give this Windows user write access to the file and its folder, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {path} is full, so the change was not saved. What you typed is still in the form. Free some space (empty the recycle bin, remove old files) and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} is damaged or is not a DealerDesk database. Do not delete it. Ask your administrator to restore the latest backup or to re-register this PC with the hub, which resends the store&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} cannot be opened: the folder may be missing or not accessible. Check the path, the drive and the access rights, then start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was written by a newer DealerDesk (schema {found}; this version knows up to {known}). Install the newer DealerDesk on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DealerDesk is already open with the database {path} on this PC. Switch to that window (check the taskbar); two copies on one database are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when DealerDesk restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as Windows / the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to DealerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DealerDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VIN *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ileage (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sale date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warranty ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;nsurance expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the catalogue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN already on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the owner&apos;s file? What you typed stays here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart DealerDesk now to use the new language?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
