const { chromium } = require("playwright-core");
const http=require("http"),fs=require("fs"),path=require("path");
const root="/work/main/dist";
const srv=http.createServer((q,r)=>{const p=decodeURIComponent(q.url.split("?")[0]);fs.readFile(path.join(root,p==="/"?"taskpane.html":p),(e,b)=>{if(e){r.writeHead(404);r.end();return;}r.writeHead(200,{"Content-Type":p.endsWith(".html")?"text/html; charset=utf-8":p.endsWith(".js")?"text/javascript":"application/octet-stream"});r.end(b);});});
srv.listen(0,"127.0.0.1",async()=>{
 const port=srv.address().port;
 const b=await chromium.launch({executablePath:"/usr/bin/chromium",args:["--headless","--no-sandbox","--disable-gpu"]});
 const p=await b.newPage();
 p.on("console",m=>console.log("console",m.type(),m.text()));
 p.on("pageerror",e=>console.log("pageerror",e.message));
 p.on("requestfailed",r=>console.log("reqfail",r.url()));
 p.on("response",r=>{if(r.status()>=400)console.log("status",r.status(),r.url())});
 await p.goto(`http://127.0.0.1:${port}/taskpane.html`);
 await p.waitForTimeout(8000);
 console.log(await p.innerText("body"));
 await b.close();srv.close();
});
